import { describe, expect, it } from 'vitest';
import { configJsonSchema, parseConfigText } from '@lkip/engine';

const IDS = ['generic', 'alpha', 'beta'];

function parsed(text: string) {
  const result = parseConfigText(text, { profileIds: IDS });
  if ('error' in result) throw new Error(result.error);
  return result.config;
}

function errorOf(text: string): string {
  const result = parseConfigText(text, { profileIds: IDS });
  if (!('error' in result)) throw new Error('expected an error');
  expect(result.error).not.toContain('\n');
  return result.error;
}

describe('the profile of lkip.config.json', () => {
  it('takes a built-in id', () => {
    expect(parsed('{ "profile": "alpha" }').profile).toBe('alpha');
  });

  it('takes additions to a profile', () => {
    const config = parsed(
      JSON.stringify({
        profile: {
          extends: 'beta',
          offices: [{ kind: 'regency', prefixes: ['Kantor Cabang', 'KC'], display: 'Kantor Cabang {place}' }],
          indicatorAcronyms: ['IKSS'],
          headerSynonyms: { target: ['sasaran angka'], unit: ['wilayah kerja'] },
        },
      }),
    );
    expect(config.profile).toMatchObject({ extends: 'beta', indicatorAcronyms: ['IKSS'] });
  });

  it('names an unknown profile and the closest known one', () => {
    expect(errorOf('{ "profile": "alpah" }')).toMatch(/unknown agency profile "alpah".*"alpha"/);
    expect(errorOf('{ "profile": { "extends": "gamma" } }')).toMatch(/unknown agency profile "gamma"/);
  });

  it('refuses a malformed profile', () => {
    expect(errorOf('{ "profile": { "offices": [{ "kind": "district", "prefixes": ["X"] }] } }')).toMatch(/kind/);
    expect(errorOf('{ "profile": { "headerSynonyms": { "targett": ["x"] } } }')).toMatch(/targett|headerSynonyms/);
    expect(errorOf('{ "profile": { "indicatorAcronyms": ["iku"] } }')).toMatch(/indicatorAcronyms/);
    expect(errorOf('{ "profile": { "offices": [{ "kind": "city", "prefixes": [] }] } }')).toMatch(/prefixes/);
  });

  it('is in the config JSON Schema', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('profile');
    expect(JSON.stringify(schema.properties['profile'])).toContain('headerSynonyms');
  });
});
