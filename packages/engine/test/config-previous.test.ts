import { parseConfigText } from '@lkip/engine';
import { describe, expect, it } from 'vitest';

describe('previous in lkip.config.json', () => {
  it('takes one earlier filing or a list of them', () => {
    expect(parseConfigText('{ "previous": "../2023/draft.md" }')).toMatchObject({ config: { previous: '../2023/draft.md' } });
    expect(parseConfigText('{ "previous": ["../2023", "../2022/draft.md"] }')).toMatchObject({ config: { previous: ['../2023', '../2022/draft.md'] } });
  });

  it('refuses an empty path or an empty list', () => {
    expect('error' in parseConfigText('{ "previous": "" }')).toBe(true);
    expect('error' in parseConfigText('{ "previous": [] }')).toBe(true);
  });
});
