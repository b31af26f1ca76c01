import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Rule } from '@lkip/engine';
import type { CommandContext, ParseDraft } from './commands/context.js';
import type { ExtractFlags } from './commands/extract.js';
import type { LintFlags } from './commands/lint.js';
import { cliLocale, localizedStderr } from './cli-errors-id.js';
import { oneLine } from './errors.js';
import { FORMAT_NAMES } from './formatters/names.js';
import type { Io } from './io.js';
import { TOOL_NAME, TOOL_VERSION } from './tool.js';

export type { Io } from './io.js';

export interface RunOptions {
  /** The rules to run; defaults to every rule lkip ships. Tests pass their own. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule list mixes rules of every option type
  rules?: readonly Rule<any>[];
  /** The draft reader; defaults to `parseDraft` from @lkip/parse. */
  parse?: ParseDraft;
}

/** Usage errors exit 2, as in ESLint; so do fatal ones (unreadable file, bad config). */
const EXIT_USAGE = 2;

/**
 * The whole `lkip` command, in-process: never calls process.exit, never writes to the real
 * streams, never throws. Returns the exit code.
 */
export async function run(argv: string[], given: Io, options: RunOptions = {}): Promise<number> {
  // The CLI's own `lkip: …` lines speak the run's language: Indonesian unless `--locale en`.
  const io: Io = { ...given, stderr: localizedStderr(given.stderr, cliLocale(argv)) };
  let exitCode = 0;
  // Loaded on demand: `lkip --version` and `lkip schema` need neither the reader nor the rules.
  const context = async (): Promise<CommandContext> => ({
    io,
    rules: options.rules ?? (await import('@lkip/rules')).rules,
    parse: options.parse ?? (await import('@lkip/parse')).parseDraft,
    toolVersion: TOOL_VERSION,
    shipped: options.rules === undefined && options.parse === undefined,
  });
  const program = buildProgram(
    io,
    context,
    (code) => {
      exitCode = code;
    },
    options.rules === undefined && options.parse === undefined,
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    // --help and --version end through exitOverride too, with code 0; commander has already
    // printed its own usage errors.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    // CliError and ConfigError are the expected ones; anything else is a bug of ours, and
    // still gets one line and no stack.
    io.stderr(`${TOOL_NAME}: ${oneLine(error)}\n`);
    return EXIT_USAGE;
  }
}

function buildProgram(io: Io, context: () => Promise<CommandContext>, setExitCode: (code: number) => void, shipped = false): Command {
  const program = new Command(TOOL_NAME);
  // Subcommands copy these settings when created, so they must come first.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Commander says "error: unknown option '--x'"; lkip's fatal lines all read "lkip: …".
      outputError: (s, write) => write(`${TOOL_NAME}: ${s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .description('Consistency linter for Indonesian government performance reports (LKIP)')
    .version(TOOL_VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showSuggestionAfterError(true);

  program
    .command('lint')
    .description('check drafts for figures that contradict each other')
    .argument('[patterns...]', 'files, directories (*.md, *.markdown, *.txt, *.docx, *.pdf) or globs; default: the current directory')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('--fix', 'write fixes for derived figures back to the drafts')
    .option('--fix-dry-run', 'compute fixes without writing them (see `output` in --format json)')
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', collect)
    .option('-c, --config <file>', `use this config file instead of ./lkip.config.json`)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseInteger, -1)
    .option('--quiet', 'report errors only')
    .addOption(new Option('--locale <locale>', 'language of the messages').choices(['id', 'en']).default('id'))
    .option('--stdin', 'lint a draft read from standard input')
    .option('--stdin-filename <name>', 'the name to report for a draft read from standard input')
    .option('--cache', 'only lint drafts that changed since the last run')
    .option('--cache-location <path>', 'cache file or directory (default: ./.lkipcache)')
    .option('--report-rounding', 'also report figures that hold only thanks to rounding (as notes)')
    .option('--color', 'force colours on')
    .option('--no-color', 'force colours off')
    .option('--baseline <file>', 'report only findings not recorded in this baseline file')
    .option('--write-baseline <file>', "record today's findings in this baseline file (then report none of them)")
    .option('-o, --output-file <file>', 'write the report to this file instead of standard output')
    .option('--previous <file>', "an earlier year's filing of the same agency: the figures the draft gives for that year are checked against it (repeatable; files, folders or globs)", collect)
    .option('--limit <name=N>', "raise one of the reader's bounds: nesting (100), columns (200) or cells (100000) of a table (repeatable)", collect)
    .addHelpText('after', LINT_HELP_NOTES)
    .action(async (patterns: string[], flags: LintFlags) => {
      // A re-lint of unchanged drafts is answered from the cache before the rules and the reader load.
      if (flags.cache && shipped) {
        const { lintFromCache } = await import('./commands/lint-cached.js');
        const code = await lintFromCache(patterns, flags, io, TOOL_VERSION);
        if (code !== undefined) return setExitCode(code);
      }
      // Every command is loaded when it runs: `lkip --help` costs little more than starting Node.
      const { lintCommand } = await import('./commands/lint.js');
      setExitCode(await lintCommand(patterns, flags, await context()));
    });

  program
    .command('extract')
    .description('print the document model read from a draft')
    .argument('<file>', 'the draft (.md, .txt, .docx, .pdf)')
    .addOption(new Option('-f, --format <name>', 'json (valid against `lkip schema`) or a human summary').choices(['json', 'summary']).default('json'))
    .addOption(new Option('--locale <locale>', 'language of the summary').choices(['id', 'en']).default('id'))
    .option('--limit <name=N>', "raise one of the reader's bounds: nesting (100), columns (200) or cells (100000) of a table (repeatable)", collect)
    .action(async (file: string, flags: ExtractFlags) => {
      const { extractCommand } = await import('./commands/extract.js');
      setExitCode(await extractCommand(file, flags, await context()));
    });

  program
    .command('template')
    .description('write the spreadsheet a planning office fills in (one row per indicator × office) and lints with `lkip lint`')
    .addOption(new Option('-f, --format <name>', 'csv (";"-separated, for Excel with Indonesian settings) or xlsx').choices(['csv', 'xlsx']).default('csv'))
    .option('-o, --out <file>', 'write the template to this file (required for xlsx)')
    .action(async (flags: { format: 'csv' | 'xlsx'; out?: string }) => {
      const { templateCommand } = await import('./commands/template.js');
      setExitCode(await templateCommand(flags, io));
    });

  program
    .command('rules')
    .description('list the rules: one line each, with its default severity and a link to its page')
    .addOption(new Option('--locale <locale>', 'language of the descriptions').choices(['id', 'en']).default('id'))
    .action(async (flags: { locale: 'id' | 'en' }) => {
      const { rulesCommand } = await import('./commands/rules.js');
      setExitCode(rulesCommand(flags, await context()));
    });

  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the document model')
    .option('--config', 'print the JSON Schema of lkip.config.json instead')
    .action(async (flags: { config?: boolean }) => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExitCode(schemaCommand(flags, io));
    });

  program
    .command('convert')
    .description('print (or write with --out) the Markdown that lkip reads from a Word draft or a PDF')
    .argument('<file>', 'the Word draft (.docx) or the PDF (.pdf)')
    .option('-o, --out <file>', 'write the Markdown to this file (atomically) instead of standard output')
    .action(async (file: string, flags: { out?: string }) => {
      // Loaded on demand: only this command (and lint of a .docx or .pdf) needs the Word and PDF readers.
      const { convertCommand } = await import('./commands/convert.js');
      setExitCode(await convertCommand(file, flags, await context()));
    });

  program
    .command('view')
    .description('open a draft in the viewer on 127.0.0.1: its findings, quick fixes, saving back to the file')
    .argument('<file>', 'the draft')
    .option('-p, --port <n>', 'port to listen on (default: 7447, or a free one when it is taken)', parseInteger)
    .option('-c, --config <file>', `use this config file instead of ./lkip.config.json`)
    .action(async (file: string, flags: { port?: number; config?: string }) => {
      // Loaded on demand: only this command needs the HTTP server.
      const { viewCommand } = await import('./commands/view.js');
      setExitCode(await viewCommand(file, flags, await context()));
    });

  program
    .command('compare')
    .description('compare drafts of several provinces (and years): a summary per province, indicators matched by number and name, achievement matrix, flags')
    .argument('<patterns...>', 'files, directories or globs of drafts (at least two drafts); drafts of several years of one province are compared year by year')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'csv', 'html']).default('table'))
    .option('-o, --out <file>', 'write the output to this file (atomically) instead of standard output')
    .addOption(new Option('--locale <locale>', 'language of the messages').choices(['id', 'en']).default('id'))
    .option('-c, --config <file>', 'use this config file instead of ./lkip.config.json')
    .option('--limit <name=N>', "raise one of the reader's bounds: nesting (100), columns (200) or cells (100000) of a table (repeatable)", collect)
    .action(async (patterns: string[], flags: { format: 'table' | 'json' | 'csv' | 'html'; out?: string; locale: 'id' | 'en'; config?: string; limit?: string[] }) => {
      // Loaded on demand, like `view`; it takes the context lazily to start its worker threads first.
      const { compareCommand } = await import('./commands/compare.js');
      setExitCode(await compareCommand(patterns, flags, io, context));
    });

  return program;
}

// Limits and formats a user meets only when something goes wrong; apps/cli/README.md says more.
const LINT_HELP_NOTES = `
Drafts: Markdown or text up to 5 MB; Word documents (.docx) up to 50 MB whose text is at most 5 MB.
Word drafts are linted through their Markdown form (\`lkip convert\`): findings give its lines and
the place in the document; --fix does not write .docx files.
PDFs (.pdf) up to 50 MB are read from their text layer, page by page, through the same Markdown
form: findings give its lines, the page ("hlm. 37"; JSON \`page\` and \`bbox\`); --fix does not write
PDFs (their fixes are shown as suggestions). A scanned PDF without text needs OCR first (ocrmypdf).
JSON models (\`lkip extract\` output, or another system's in the shape of \`lkip schema\`) up to
32 MB, named on the command line or with --stdin-filename x.json: checked against the schema, then
linted; findings give the JSON pointer of the figure. Spreadsheets (.csv, .xlsx; see \`lkip template\`),
named on the command line, are linted as the table of a draft; findings name the cell.
The reader refuses a draft past one of its bounds (a line nested over 100 deep, a table of over
200 columns or 100000 cells), naming it: raise it with --limit name=N or "limits" in lkip.config.json.
--fix writes a draft only if it still holds what was read: a draft changed meanwhile is left as it
is, named on one line, and the run exits 2 (run --fix again).
Exit codes: 0 no errors, 1 errors or too many warnings, 2 a usage error or a file lkip cannot lint
(missing, unreadable, binary, invalid UTF-8, empty, too large, damaged .docx, a scanned, encrypted,
damaged or fake PDF, a JSON model that
breaks the schema, not an LKIP draft).`;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number.');
  return Number.parseInt(value, 10);
}
