import { useEffect, useId, useRef, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { CodeListId } from '../../edit/field-schema';
import { useLang, useT } from '../use-t';
import { useCodeTree, usePopupPlace } from './use-code-tree';
import './code-picker.css';

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-label' | 'aria-invalid' | 'aria-describedby' | 'title' | 'autoFocus'> & { 'data-field'?: string };

/**
 * A code field as a WAI-ARIA combobox whose popup is a tree of the code list (一级类 → 二级类): typing a
 * code or a name (or its pinyin) narrows the tree to the matches and the classes above them. Focus stays
 * in the text box; the tree's active class is named by aria-activedescendant. ↓/↑ move through the tree
 * (the first ↓ lands on the first match), → opens a class or enters it, ← closes it or goes up, Enter
 * chooses the active class (or, with none, keeps what was typed), Esc closes the tree and then drops the
 * edit. Choosing or typing both end in `onCommit`, which reads names as codes (codeFromInput).
 */
export function CodePicker(p: {
  list: CodeListId;
  value: string;
  onChange: (text: string) => void;
  onCommit: (text: string) => void;
  onCancel: () => void;
  input: InputProps;
  placeholder?: string;
}) {
  const t = useT();
  const lang = useLang();
  const treeId = useId();
  const hintId = `${treeId}-hint`;
  const box = useRef<HTMLInputElement>(null);
  const tree = useCodeTree(p.list, p.value);
  const place = usePopupPlace(box, tree.isOpen);
  const itemId = (code: string) => `${treeId}-i-${code}`;

  useEffect(() => {
    if (tree.active) document.getElementById(`${treeId}-i-${tree.active}`)?.scrollIntoView({ block: 'nearest' });
  }, [tree.active, treeId]);

  const choose = (code: string) => {
    tree.close();
    p.onChange(code);
    p.onCommit(code);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        if (!tree.isOpen) tree.open();
        else if (!e.altKey) tree.step(1);
        break;
      case 'ArrowUp':
        if (!tree.isOpen) tree.open();
        else tree.step(-1);
        break;
      case 'ArrowRight':
        handled = tree.isOpen && tree.right();
        break;
      case 'ArrowLeft':
        handled = tree.isOpen && tree.left();
        break;
      case 'Home':
      case 'End':
        // With a class active the keys move in the tree; otherwise they move the caret, as in any text box.
        handled = tree.isOpen && tree.active !== null;
        if (handled) tree.edge(e.key === 'End');
        break;
      case 'Enter':
        if (tree.isOpen && tree.active) choose(tree.active);
        else {
          tree.close();
          p.onCommit(e.currentTarget.value);
        }
        break;
      case 'Escape':
        if (tree.isOpen) tree.close();
        else p.onCancel();
        break;
      case 'Tab':
        tree.close();
        handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      // The table's grid keys and the inspector's shortcuts must not act on keys the picker used.
      e.stopPropagation();
    }
  };

  const expanded = tree.isOpen;
  return (
    <>
      <input
        {...p.input}
        ref={box}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={treeId}
        aria-haspopup="tree"
        aria-autocomplete="list"
        aria-activedescendant={expanded && tree.active ? itemId(tree.active) : undefined}
        aria-describedby={[p.input['aria-describedby'], hintId].filter(Boolean).join(' ')}
        autoComplete="off"
        spellCheck={false}
        placeholder={p.placeholder}
        value={p.value}
        onChange={(e) => {
          p.onChange(e.target.value);
          tree.search(e.target.value);
        }}
        onClick={(e) => {
          e.stopPropagation();
          if (!tree.isOpen) tree.open();
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          tree.close();
          p.onCommit(e.target.value);
        }}
      />
      <span id={hintId} className="visually-hidden">
        {t('code.keys')}
      </span>
      {createPortal(
        <div
          className="code-popup"
          style={place}
          hidden={!expanded}
          // Keeps focus (and the edit) in the text box while the pointer works the tree.
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => e.stopPropagation()}
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
        >
          <ul role="tree" id={treeId} aria-label={t('code.tree')} className="code-tree">
            {expanded &&
              tree.rows.map((r) => (
                <li
                  key={r.entry.code}
                  id={itemId(r.entry.code)}
                  role="treeitem"
                  aria-level={r.depth}
                  aria-posinset={r.posInSet}
                  aria-setsize={r.setSize}
                  aria-expanded={r.expanded ?? undefined}
                  aria-selected={r.entry.code === tree.active}
                  data-code={r.entry.code}
                  className={`code-item${r.match ? ' match' : ''}${r.entry.code === p.value.trim() ? ' current' : ''}`}
                  style={{ paddingInlineStart: `${(r.depth - 1) * 1.1 + 0.2}rem` }}
                  onClick={() => choose(r.entry.code)}
                >
                  <span
                    className="code-toggle"
                    aria-hidden="true"
                    onClick={(e) => {
                      if (r.expanded === null) return;
                      e.stopPropagation();
                      tree.setExpanded(r.entry.code, !r.expanded);
                    }}
                  />
                  <span className="code-code">{r.entry.code}</span>{' '}
                  <span className="code-name">{lang === 'zh' ? r.entry.name_zh : r.entry.name_en}</span>
                </li>
              ))}
          </ul>
          {expanded && tree.rows.length === 0 && <p className="code-empty">{t('code.none')}</p>}
        </div>,
        document.body,
      )}
    </>
  );
}
