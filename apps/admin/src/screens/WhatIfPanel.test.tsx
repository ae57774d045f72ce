// The what-if page with its worker run in-process (the same service the Web Worker runs): once
// a cohort is read, an edit of the draft rescores it with no button pressed; meanwhile the
// earlier results stay in view, said to be the earlier draft's; a draft that does not compile
// is said so, at its first problem, never shown as current results.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { validateRuleSet } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Doc } from '../doc/open.ts';
import { createI18n } from '../i18n/i18n.ts';
import type { WhatIfReply, WhatIfRequest } from '../whatif/protocol.ts';
import { ab, filled, typedInto } from '../whatif/sample-workbook.ts';
import { whatIfService } from '../whatif/service.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';

/** A Worker that answers in-process, with what the page posted to it. */
class InProcessWorker {
  static posted: WhatIfRequest[] = [];
  onmessage: ((e: { data: WhatIfReply }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  private readonly answer = whatIfService();
  private queue = Promise.resolve();
  private ended = false;
  postMessage(req: WhatIfRequest) {
    InProcessWorker.posted.push(req);
    this.queue = this.queue.then(() =>
      this.answer(req).then((reply) => {
        if (!this.ended) this.onmessage?.({ data: reply });
      }),
    );
  }
  terminate() {
    this.ended = true;
  }
}

beforeEach(() => {
  InProcessWorker.posted = [];
  vi.stubGlobal('Worker', InProcessWorker);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = baotou2012 as unknown as Doc;
/** baotou-2012 with 人口出生率's target at `target` ‰ (last year's: 8). */
function draft(target: number): Doc {
  const json = JSON.parse(JSON.stringify(baotou2012)) as {
    sections: { items: { items: { rule: { target: number } }[] }[] }[];
  };
  json.sections[0]!.items[0]!.items[0]!.rule.target = target;
  return json as unknown as Doc;
}

/** The page under last year's edition, with the draft `doc` and its issues. */
const panelOf = (i18n: Awaited<ReturnType<typeof createI18n>>, doc: Doc) => (
  <I18nextProvider i18n={i18n}>
    <FluentProvider theme={webLightTheme}>
      <WhatIfPanel base={base} doc={doc} issues={validateRuleSet(doc)} />
    </FluentProvider>
  </I18nextProvider>
);

describe('the what-if after an edit of the draft', () => {
  it(
    'rescores on its own, marks the earlier results meanwhile, and says when the draft does not compile',
    { timeout: 60_000 },
    async () => {
      const i18n = await createI18n('zh-CN');
      const panel = (doc: Doc) => panelOf(i18n, doc);
      const first = draft(8);
      const { rerender } = render(panel(first));
      // Two units: 青山区 (8 ‰, on last year's target) and 昆都仑区 (7.85 ‰).
      const [kdq, qsq] = baotou2012SampleUnits;
      const files = [
        new File([ab(await filled(undefined, qsq))], '青山区.xlsx'),
        new File([ab(await filled(undefined, kdq))], '昆都仑区.xlsx'),
      ];
      fireEvent.change(screen.getByTestId('cohort-files'), { target: { files } });
      const summary = () => screen.getByTestId('whatif-summary').textContent;
      const state = () => screen.getByTestId('whatif-results').dataset['state'];
      await waitFor(() => expect(summary()).toMatch(/^共 2 个单位,0 个有变化/), {
        timeout: 30_000,
      });
      expect(state()).toBe('current');

      // 7.9 ‰: 青山区 (8 ‰) loses a point; no file chosen again, no button pressed.
      rerender(panel(draft(7.9)));
      expect(state()).toBe('stale');
      expect(screen.getByTestId('whatif-stale').textContent).toBe(
        '以下是草稿修改前的结果,不是当前草稿的。',
      );
      expect(screen.getByTestId('whatif-rescoring').textContent).toBe('草稿已修改,正在重新计算……');
      expect(summary()).toMatch(/^共 2 个单位,0 个有变化/); // the earlier results, still shown
      await waitFor(() => expect(state()).toBe('current'), { timeout: 10_000 });
      expect(summary()).toMatch(/^共 2 个单位,1 个有变化/);
      expect(screen.queryByTestId('whatif-rescoring')).toBeNull();

      // Two quick edits: only the last is sent; 7.5 ‰ moves both (7.85 ‰ is above it too).
      rerender(panel(draft(7.7)));
      rerender(panel(draft(7.5)));
      await waitFor(() => expect(state()).toBe('current'), { timeout: 10_000 });
      expect(summary()).toMatch(/^共 2 个单位,2 个有变化/);
      const sent = InProcessWorker.posted.map((r) => r.type);
      expect(sent).toEqual(['cohort', 'rescore', 'rescore']);

      // A blank points: said at its path, the results said to be an earlier draft's.
      const broken = draft(7.5) as Doc & { sections: { points?: number }[] };
      delete broken.sections[0]!.points;
      rerender(panel(broken));
      expect(screen.getByTestId('whatif-blocked').textContent).toMatch(
        /^草稿有错误,暂不能重新计算:sections\[0\]\.points:/,
      );
      expect(state()).toBe('stale');
      expect(screen.queryByTestId('whatif-rescoring')).toBeNull();
    },
  );
});

describe('the what-if’s returned workbooks read with warnings', () => {
  it(
    'says each such file and its first warnings at their cells, in Chinese',
    { timeout: 60_000 },
    async () => {
      render(panelOf(await createI18n('zh-CN'), base));
      // 昆都仑区 left four figures blank: each is missing (never 0), and the page says so.
      const [kdq] = baotou2012SampleUnits;
      const blanks = ['birth_rate', 'policy_rate', 'sex_ratio', 'sex_ratio_prev'];
      const typed = await typedInto(Object.fromEntries(blanks.map((id) => [id, ''])), kdq);
      const bytes = typed.bytes;
      const cells = blanks.map((id) => typed.cells[id]);
      fireEvent.change(screen.getByTestId('cohort-files'), {
        target: { files: [new File([ab(bytes)], '昆都仑区.xlsx')] },
      });
      const bar = await screen.findByTestId('cohort-warned', {}, { timeout: 30_000 });
      const text = bar.textContent ?? '';
      expect(text).toContain('昆都仑区.xlsx 已读取,有 4 条提示:');
      expect(text).toContain(`${cells[0]}:“人口出生率”未填写,按缺数据处理`);
      // Three shown, the rest counted.
      expect(text).not.toContain(`${cells[3]}:`);
      expect(text).toContain('……另有 1 条');
    },
  );
});
