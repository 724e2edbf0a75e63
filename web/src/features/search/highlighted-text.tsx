/** Text with the matched words highlighted, from the server's parts (never from HTML). */
import type { SnippetPart } from '../../../../contracts/search.ts';
import { useText } from '../../lib/i18n.tsx';

/** A hit: a soft yellow band that keeps the text's own colour (readable in the elder mode too). */
const hitStyle: React.CSSProperties = { background: '#ffe58f', color: 'inherit', padding: 0, borderRadius: 2 };

/** The parts as text, the hits in <mark>. */
export function HighlightedText({ parts, fallback }: { parts: readonly SnippetPart[]; fallback?: string }) {
  const t = useText();
  if (parts.length === 0) return <>{fallback ? t(fallback) : ''}</>;
  return (
    <>
      {parts.map((part, index) =>
        part.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence, never reordered
          <mark key={index} style={hitStyle}>
            {t(part.text)}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence, never reordered
          <span key={index}>{t(part.text)}</span>
        ),
      )}
    </>
  );
}
