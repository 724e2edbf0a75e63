/**
 * Photos of a micro-suggestion: a row of square thumbnails that open a large preview (the member's problem photos,
 * a reply's after-photos, the member's result photos), and the picker that adds them from the camera or the album
 * (up to 3, each made small before upload) and removes them while they may still change.
 */
import { CameraOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Popconfirm, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import type { MicroPhoto } from '../../../../contracts/micro-suggestions.ts';
import { errorMessage } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { deleteMicroPhoto, uploadMicroPhoto } from './micro-api.ts';
import { shrinkPhoto } from './photo-shrink.ts';
import './micro.css';

/** The side of a thumbnail, in rem (it grows with the elder mode's type). */
const THUMB = '5.5rem';

const thumbStyle: React.CSSProperties = {
  width: THUMB,
  height: THUMB,
  objectFit: 'cover',
  borderRadius: 8,
  border: '1px solid #e5e6eb',
  background: '#f5f6f8',
};

/** Read-only thumbnails with a preview; nothing when there are none (or the empty text when given). */
export function PhotoGallery(props: { photos: readonly { id: string; url: string; fileName?: string }[]; emptyText?: string }) {
  const t = useText();
  if (props.photos.length === 0) {
    return props.emptyText ? <Typography.Text type="secondary">{t(props.emptyText)}</Typography.Text> : null;
  }
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap>
        {props.photos.map((photo, index) => (
          <Image
            key={photo.id}
            src={photo.url}
            alt={photo.fileName ?? `${t('照片')} ${index + 1}`}
            width={THUMB}
            height={THUMB}
            style={thumbStyle}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

/**
 * The editable photos: thumbnails with a remove button each, and an add tile while fewer than `max`.
 * `ensureItemId` answers the draft's id, saving it first when it does not exist yet (null: it cannot be saved yet,
 * and the caller has said why).
 */
export function PhotoPicker(props: {
  photos: readonly MicroPhoto[];
  max: number;
  ensureItemId: () => Promise<string | null>;
  onChanged: () => void;
  hint?: string;
}) {
  const t = useText();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const [removing, setRemoving] = useState<string | null>(null);
  // Files picked together are counted against the room left before any of them finishes.
  const reserved = useRef(0);
  const room = props.max - props.photos.length - uploading;

  const add = async (file: File) => {
    if (!file.type.startsWith('image/') && !/\.(jpe?g|png|heic|heif|webp)$/i.test(file.name)) {
      message.error(t('只能上传照片（JPG、PNG）'));
      return;
    }
    if (file.size === 0) {
      message.error(t('这张照片是空文件，请重新选择'));
      return;
    }
    if (props.photos.length + reserved.current >= props.max) {
      message.warning(`${t('最多上传')} ${props.max} ${t('张照片')}`);
      return;
    }
    reserved.current += 1;
    setUploading((count) => count + 1);
    try {
      const id = await props.ensureItemId();
      if (!id) return;
      const ready = await shrinkPhoto(file);
      await uploadMicroPhoto(id, ready);
      props.onChanged();
    } catch (error) {
      message.error(t(errorMessage(error)));
    } finally {
      reserved.current -= 1;
      setUploading((count) => count - 1);
    }
  };

  const remove = async (photo: MicroPhoto, itemId: string | null) => {
    if (!itemId) return;
    setRemoving(photo.id);
    try {
      await deleteMicroPhoto(itemId, photo.id);
      props.onChanged();
    } catch (error) {
      message.error(t(errorMessage(error)));
      props.onChanged();
    } finally {
      setRemoving(null);
    }
  };

  return (
    <Flex vertical gap={6}>
      <Image.PreviewGroup>
        <Flex gap={8} wrap>
          {props.photos.map((photo, index) => (
            <div key={photo.id} style={{ position: 'relative' }}>
              <Image
                src={photo.url}
                alt={`${t('照片')} ${index + 1}`}
                width={THUMB}
                height={THUMB}
                style={{ ...thumbStyle, opacity: removing === photo.id ? 0.4 : 1 }}
              />
              <Popconfirm
                title={t('删除这张照片？')}
                okText={t('删除')}
                cancelText={t('取消')}
                okButtonProps={{ danger: true }}
                onConfirm={async () => remove(photo, await props.ensureItemId())}
              >
                <Button
                  size="small"
                  shape="circle"
                  danger
                  type="primary"
                  icon={<CloseOutlined />}
                  aria-label={`${t('删除照片')} ${index + 1}`}
                  style={{ position: 'absolute', top: -8, right: -8 }}
                />
              </Popconfirm>
            </div>
          ))}
          {Array.from({ length: uploading }, (_, index) => (
            <Flex
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders of uploads in flight have no id yet
              key={`uploading-${index}`}
              align="center"
              justify="center"
              style={{ ...thumbStyle, borderStyle: 'dashed' }}
              aria-label={t('正在上传')}
            >
              <LoadingOutlined />
            </Flex>
          ))}
          {room > 0 ? (
            <Upload
              accept="image/*"
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void add(file as unknown as File);
                return false;
              }}
            >
              <button type="button" className="micro-photo-add" aria-label={t('添加照片（拍照或从相册选择）')}>
                <CameraOutlined style={{ fontSize: '1.5em' }} />
                <span style={{ fontSize: '0.85em' }}>{t('添加照片')}</span>
              </button>
            </Upload>
          ) : null}
        </Flex>
      </Image.PreviewGroup>
      <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
        {t(props.hint ?? '拍照或从相册选择')}，{t('最多')} {props.max} {t('张')}（{props.photos.length}/{props.max}）
      </Typography.Text>
    </Flex>
  );
}
