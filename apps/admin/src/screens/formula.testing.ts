// For tests in happy-dom: the expression editor at a field (CodeMirror, loaded on demand), its
// text, and typing into it as a user's keystrokes would (a change of its document), then leaving.
import { EditorView } from '@codemirror/view';
import { fireEvent, waitFor } from '@testing-library/react';

/** The editor at the field bound to `path` (an engine path), once it has loaded. */
export async function formulaAt(path: string): Promise<{
  view: EditorView;
  /** The Fluent field around it: its label, its problems. */
  field: () => string;
}> {
  const host = document.querySelector(`[data-field="${path}"]`);
  if (!host) throw new Error(`no field at ${path}`);
  const editor = await waitFor(() => {
    const found = host.querySelector('.cm-editor');
    if (!(found instanceof HTMLElement)) throw new Error(`no editor at ${path} yet`);
    return found;
  });
  const view = EditorView.findFromDOM(editor);
  if (!view) throw new Error(`no editor view at ${path}`);
  return { view, field: () => host.closest('.fui-Field')?.textContent ?? '' };
}

/** Replaces the formula's text, as typed; `leave`: then the focus leaves the field. */
export async function typeFormula(path: string, text: string, leave = false): Promise<void> {
  const { view } = await formulaAt(path);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  if (leave) fireEvent.blur(view.contentDOM);
}
