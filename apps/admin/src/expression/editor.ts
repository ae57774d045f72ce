// The expression editor itself: CodeMirror 6, loaded on demand (a dynamic import from
// ExpressionField), so the first load stays small. It knows nothing of the engine: the field
// hands it the diagnostics (validateRuleSet's own, with their spans) and what to complete.
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';

export interface Mark {
  /** 0-based [from, to) in the text; to === from marks the place itself. */
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface EditorOptions {
  text: string;
  /** The field's accessible name (its label). */
  label: string;
  placeholder?: string;
  /** Input ids with their labels, and the functions the place may call. */
  inputs: readonly { id: string; label: string }[];
  functions: readonly string[];
  /** Every change of the text, never while an IME is still composing (pinyin not yet chosen). */
  onChange: (text: string) => void;
  onBlur: () => void;
}

export interface EditorHandle {
  /** Shows the diagnostics for the text as it now stands. */
  mark(marks: readonly Mark[]): void;
  /** Replaces the text (an undo elsewhere, another item selected), keeping nothing of the old. */
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

const NAME = /[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*$/;

/** Whether `pos` is inside a quoted text ('达标'): nothing is completed there. */
function inQuotes(text: string, pos: number): boolean {
  let quote = '';
  for (let i = 0; i < pos; i++) {
    const ch = text.charAt(i);
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
  }
  return quote !== '';
}

function completions(options: EditorOptions) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(NAME);
    if (!word && !context.explicit) return null;
    const text = context.state.doc.toString();
    if (inQuotes(text, context.pos)) return null;
    const typed = word?.text ?? '';
    const from = word?.from ?? context.pos;
    // An input is found by its id or by its label (出生 finds birth_rate); the id is written.
    const inputs: Completion[] = options.inputs
      .filter((i) => i.id.startsWith(typed) || (typed !== '' && i.label.includes(typed)))
      .map((i) => ({ label: i.id, detail: i.label, type: 'variable' }));
    const functions: Completion[] = options.functions
      .filter((f) => f.startsWith(typed))
      .map((f) => ({ label: f, type: 'function', apply: `${f}(`, boost: -1 }));
    const all = [...inputs, ...functions];
    if (all.length === 0) return null;
    return { from, options: all, filter: false };
  };
}

const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--colorNeutralStroke1)',
    borderBottomColor: 'var(--colorNeutralStrokeAccessible)',
    borderRadius: 'var(--borderRadiusMedium)',
    backgroundColor: 'var(--colorNeutralBackground1)',
    fontSize: 'var(--fontSizeBase300)',
  },
  '&.cm-focused': {
    outline: 'none',
    borderBottomColor: 'var(--colorCompoundBrandStroke)',
    boxShadow: 'inset 0 -1px 0 0 var(--colorCompoundBrandStroke)',
  },
  '.cm-content': {
    fontFamily: 'Consolas, "Courier New", "Microsoft YaHei", monospace',
    padding: '6px 10px',
    minHeight: '1.5em',
  },
  '.cm-line': { padding: 0 },
  '.cm-tooltip': {
    border: '1px solid var(--colorNeutralStroke1)',
    borderRadius: 'var(--borderRadiusMedium)',
    backgroundColor: 'var(--colorNeutralBackground1)',
    boxShadow: 'var(--shadow8)',
    fontFamily: 'var(--fontFamilyBase)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--fontFamilyMonospace)' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--colorBrandBackground)',
    color: 'var(--colorNeutralForegroundOnBrand)',
  },
  '.cm-completionDetail': {
    fontFamily: 'var(--fontFamilyBase)',
    fontStyle: 'normal',
    marginLeft: '1em',
    opacity: 0.8,
  },
  '.cm-diagnostic': { padding: '4px 8px', fontFamily: 'var(--fontFamilyBase)' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--colorPaletteRedBorder2)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--colorPaletteRedForeground1)',
    textUnderlineOffset: '3px',
    backgroundColor: 'var(--colorPaletteRedBackground1)',
  },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--colorPaletteRedForeground1)' },
});

export function mountEditor(parent: HTMLElement, options: EditorOptions): EditorHandle {
  const composingEnded = () =>
    // CodeMirror finishes its own reading of the composed text first.
    setTimeout(() => {
      if (!view.composing) options.onChange(view.state.doc.toString());
    });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        history(),
        closeBrackets(),
        autocompletion({ override: [completions(options)], icons: false }),
        keymap.of([
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          'data-testid': 'expression-editor',
          spellcheck: 'false',
          autocapitalize: 'off',
        }),
        ...(options.placeholder ? [placeholder(options.placeholder)] : []),
        theme,
        EditorView.updateListener.of((u) => {
          // While an IME composes, the text holds pinyin not yet chosen: nothing leaves it.
          if (u.docChanged && !u.view.composing) options.onChange(u.state.doc.toString());
        }),
        EditorView.domEventHandlers({
          compositionend: () => {
            composingEnded();
            return false;
          },
          blur: () => {
            options.onBlur();
            return false;
          },
        }),
      ],
    }),
  });
  return {
    mark(marks) {
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = marks.map((m) => {
        const from = Math.min(m.from, length);
        return {
          from,
          to: Math.max(from, Math.min(m.to, length)),
          severity: m.severity,
          message: m.message,
        };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
