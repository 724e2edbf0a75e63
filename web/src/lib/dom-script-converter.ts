/**
 * Converts the Chinese text the page shows into Traditional, for text no screen wrapped in <T> (server data,
 * antd's own strings, other screens), and restores the Simplified originals when 繁體 is switched off.
 * It only ever changes a text node's value or an attribute, never replaces a node, so React keeps working:
 * React writes new text over ours and the observer converts it again.
 */

type Convert = (text: string) => string;

/** Attributes a user reads. */
const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'];
/** Elements whose text is code or user input, never converted. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'CODE', 'PRE']);
const HAN = /[\u3400-\u9fff]/;

/** A running conversion of a part of the page; stop() restores the originals. */
export type DomConversion = { stop: () => void };

/** Whether a node sits in a part of the page that must keep its text (inputs, code, data-no-convert). */
function skipped(node: Node): boolean {
  for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    if (SKIPPED.has(element.tagName)) return true;
    if ((element as HTMLElement).isContentEditable || element.hasAttribute('data-no-convert')) return true;
  }
  return false;
}

/** Starts converting the text under root (and document.title); answers a handle that stops and restores. */
export function startDomConversion(root: HTMLElement, convert: Convert): DomConversion {
  /** Each converted text node's Simplified original and the value we wrote. */
  const texts = new Map<Text, { original: string; converted: string }>();
  /** Each converted attribute's original and converted values. */
  const attributes = new Map<Element, Map<string, { original: string; converted: string }>>();
  let title = { original: document.title, converted: document.title };

  const convertText = (node: Text) => {
    const value = node.nodeValue ?? '';
    const known = texts.get(node);
    if (known && known.converted === value) return;
    if (!HAN.test(value) || skipped(node)) {
      texts.delete(node);
      return;
    }
    const converted = convert(value);
    if (converted === value) {
      texts.delete(node);
      return;
    }
    texts.set(node, { original: value, converted });
    node.nodeValue = converted;
  };

  const convertAttribute = (element: Element, name: string) => {
    const value = element.getAttribute(name);
    if (value === null) return;
    const known = attributes.get(element)?.get(name);
    if (known && known.converted === value) return;
    if (!HAN.test(value) || skipped(element)) return;
    const converted = convert(value);
    if (converted === value) return;
    if (!attributes.has(element)) attributes.set(element, new Map());
    attributes.get(element)?.set(name, { original: value, converted });
    element.setAttribute(name, converted);
  };

  const convertTree = (start: Node) => {
    if (start.nodeType === 3) {
      convertText(start as Text);
      return;
    }
    if (start.nodeType !== 1) return;
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node: Node | null = start; node; node = walker.nextNode()) {
      if (node.nodeType === 3) convertText(node as Text);
      else for (const name of ATTRIBUTES) convertAttribute(node as Element, name);
    }
  };

  const convertTitle = () => {
    if (document.title === title.converted) return;
    title = { original: document.title, converted: convert(document.title) };
    if (title.converted !== title.original) document.title = title.converted;
  };

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') convertText(mutation.target as Text);
      else if (mutation.type === 'attributes' && mutation.attributeName) {
        convertAttribute(mutation.target as Element, mutation.attributeName);
      } else for (const node of mutation.addedNodes) convertTree(node);
    }
  });
  convertTree(root);
  convertTitle();
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  const titleElement = document.querySelector('title');
  const titleObserver = new MutationObserver(convertTitle);
  if (titleElement) titleObserver.observe(titleElement, { childList: true, characterData: true, subtree: true });

  return {
    stop: () => {
      observer.disconnect();
      titleObserver.disconnect();
      for (const [node, { original, converted }] of texts) if (node.nodeValue === converted) node.nodeValue = original;
      for (const [element, byName] of attributes) {
        for (const [name, { original, converted }] of byName) {
          if (element.getAttribute(name) === converted) element.setAttribute(name, original);
        }
      }
      if (document.title === title.converted) document.title = title.original;
      texts.clear();
      attributes.clear();
    },
  };
}
