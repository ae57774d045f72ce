// The command tree: commander definitions only. Each action loads its command folder on
// demand (so `kaohe validate` never loads the workbook stack), hands it the parsed arguments
// and returns the command's status through `onStatus`.
import { createRequire } from 'node:module';
import { Command, Help, Option } from 'commander';
import stringWidth from 'string-width';
import type { Msg } from '@kaohe/engine';
import type { CommandStatus } from './errors.ts';
import { help } from './i18n/help.ts';
import { carriedText } from './i18n/carried.ts';
import { combineText } from './i18n/combine.ts';
import { rollupText } from './i18n/rollup.ts';
import { LANGS, pick, toLang, type Lang } from './i18n/lang.ts';
import { HELP_TITLES, optionNotes, usageWords } from './i18n/usage.ts';
import { createOutput, type Output, type Streams } from './io/output.ts';
import { OPTIONS, optionsOf } from './options.ts';

/** The package's own version, read at run time (from src/ or dist/ alike). */
function version(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

/** A repeatable option's values, in order. */
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

interface CommonOptions {
  json?: boolean;
  lang?: string;
}

type Action = (
  out: Output,
  args: unknown[],
  options: Record<string, unknown>,
) => Promise<CommandStatus>;

/** Commander's help in Chinese: titles, `[选项]`, and option notes (choices, default). */
function zhHelp(): Partial<Help> {
  const base = new Help();
  return {
    // Chinese takes two terminal cells a character: columns line up by display width.
    displayWidth: (text: string) => stringWidth(text),
    styleTitle: (title: string) => HELP_TITLES[title] ?? title,
    styleUsage: (text: string) => usageWords(text),
    styleSubcommandTerm: (text: string) => usageWords(text),
    optionDescription: (option: Option) => {
      const notes = optionNotes(
        option.argChoices,
        option.required || option.optional ? option.defaultValue : undefined,
      );
      return (
        [option.description, notes].filter(Boolean).join(' ') || base.optionDescription(option)
      );
    },
  };
}

export function buildProgram(
  streams: Streams,
  lang: Lang,
  onStatus: (status: CommandStatus) => void,
): Command {
  const t = (msg: Msg): string => pick(msg, lang);
  const program = new Command('kaohe')
    .description(t(help.program))
    .version(version(), '-V, --version', t(help.version))
    .helpOption('-h, --help', t(help.help))
    .helpCommand('help [command]', t(help.help))
    .exitOverride()
    .showHelpAfterError(false)
    .configureHelp(lang === 'zh' ? zhHelp() : {})
    .configureOutput({
      writeOut: streams.stdout,
      writeErr: streams.stderr,
      outputError: () => undefined,
    });

  /** A command group (keys, trust) or, with `define`, a command: help and errors alike. */
  const group = (name: string, description: Msg, parent: Command = program): Command =>
    parent
      .command(name)
      .description(t(description))
      .helpOption('-h, --help', t(help.help))
      .exitOverride()
      .configureHelp(lang === 'zh' ? zhHelp() : {})
      .configureOutput({
        writeOut: streams.stdout,
        writeErr: streams.stderr,
        outputError: () => undefined,
      });
  const define = (name: string, description: Msg, parent: Command = program): Command =>
    group(name, description, parent)
      .option('--json', t(help.json))
      .addOption(new Option('--lang <lang>', t(help.lang)).choices(LANGS).default('zh'));

  const act =
    (run: Action) =>
    async (...raw: unknown[]): Promise<void> => {
      const command = raw.at(-1) as Command;
      const options = command.opts<CommonOptions & Record<string, unknown>>();
      const out = createOutput(streams, toLang(options.lang), options.json === true);
      onStatus(await run(out, raw.slice(0, -2), options));
    };

  define('validate', help.validate)
    .argument('<rules.json>', t(help.rules))
    .action(
      act(async (out, [file]) =>
        (await import('./commands/validate/validate.ts')).runValidate(file as string, out),
      ),
    );

  define('template', help.template)
    .argument('[rules.json]', t(help.rules))
    .option('--unit <name>', t(help.unit), (v: string, prev: string[] = []) => [...prev, v])
    .option('--edition <edition.json>', t(help.templateEdition))
    .option('--roster <units.xlsx>', t(help.roster))
    .option('--key <key file>', t(help.prefillKey))
    .option('--passphrase-file <file>', t(help.passphraseFile))
    .requiredOption('--out <path>', t(help.templateOut))
    .option('--history <summary.xlsx>', t(help.history))
    .option('--counters <summary.xlsx>', t(combineText.helpCounters))
    .option('--trust <file>', t(help.trustFile))
    .option('--carried <file>', t(carriedText.helpCarried), collect)
    .option('--force', t(help.force))
    .action(
      act(async (out, [file], o) =>
        (await import('./commands/template/template.ts')).runTemplate(
          file as string | undefined,
          optionsOf(OPTIONS.template, o),
          out,
        ),
      ),
    );

  define('score', help.score)
    .argument('<filled.xlsx>', t(help.filled))
    .addOption(
      new Option('--as <stage>', t(help.as)).choices(['self', 'review', 'final']).default('self'),
    )
    .option('--out <file>', t(help.scoreOut))
    .option('--in-place', t(help.inPlace))
    .option('--trust <file>', t(help.trustFile))
    .option('--carried <file>', t(carriedText.helpCarried), collect)
    .option('--carried-out <file>', t(carriedText.helpCarriedOut))
    .option('--unsigned', t(help.unsigned))
    .option('--force', t(help.force))
    .action(
      act(async (out, [file], o) =>
        (await import('./commands/score/score.ts')).runScore(
          file as string,
          optionsOf(OPTIONS.score, o),
          out,
        ),
      ),
    );

  define('review', help.review)
    .argument('<paths...>', t(help.paths))
    .requiredOption('--rules <rules.json>', t(help.reviewRules))
    .requiredOption('--out <summary.xlsx>', t(help.summaryOut))
    .option('--csv <ranking.csv>', t(help.csv))
    .option('--assessed-on <YYYY-MM-DD>', t(help.assessedOn))
    .option('--carried-out <file>', t(carriedText.helpCarriedOut))
    .option('--roster <units.xlsx>', t(help.reviewRoster))
    .option('--history <summary.xlsx>', t(help.reviewHistory))
    .option('--counters <summary.xlsx>', t(help.reviewCounters))
    .option('--carried <file>', t(help.reviewCarried), collect)
    .option('--trust <file>', t(help.trustFile))
    .option('--force', t(help.force))
    .action(
      act(async (out, [paths], o) =>
        (await import('./commands/review/review.ts')).runReview(
          paths as string[],
          optionsOf(OPTIONS.review, o),
          out,
        ),
      ),
    );

  define('combine', combineText.help)
    .argument('<combination.json>', t(combineText.helpDeclaration))
    .requiredOption('--out <composite.xlsx>', t(combineText.helpOut))
    .option('--force', t(help.force))
    .action(
      act(async (out, [file], o) =>
        (await import('./commands/combine/combine.ts')).runCombine(
          file as string,
          optionsOf(OPTIONS.combine, o),
          out,
        ),
      ),
    );

  define('rollup', rollupText.help)
    .argument('<paths...>', t(rollupText.paths))
    .requiredOption('--rules <rules.json>', t(rollupText.rules))
    .requiredOption('--children <units.xlsx>', t(rollupText.children))
    .requiredOption('--into <parent.xlsx>', t(rollupText.into))
    .option('--out <file>', t(rollupText.out))
    .option('--trust <file>', t(help.trustFile))
    .option('--force', t(help.force))
    .action(
      act(async (out, [paths], o) =>
        (await import('./commands/rollup/rollup.ts')).runRollup(
          paths as string[],
          optionsOf(OPTIONS.rollup, o),
          out,
        ),
      ),
    );

  define('diff', help.diff)
    .argument('<old.json>', t(help.oldRules))
    .argument('<new.json>', t(help.newRules))
    .action(
      act(async (out, [oldFile, newFile]) =>
        (await import('./commands/diff/diff.ts')).runDiff(
          oldFile as string,
          newFile as string,
          out,
        ),
      ),
    );

  define('demo', help.demo)
    .option('--out <dir>', t(help.demoOut))
    .option('--cascade', t(help.demoCascade))
    .option('--force', t(help.force))
    .action(
      act(async (out, _args, o) =>
        (await import('./commands/demo/demo.ts')).runDemo(optionsOf(OPTIONS.demo, o), out),
      ),
    );

  // Signed editions: keys, publishing, verifying, the trust list.
  const editions = () => import('./commands/editions/editions.ts');
  const keys = group('keys', help.keys);
  define('new', help.keysNew, keys)
    .requiredOption('--issuer <name>', t(help.issuer))
    .requiredOption('--years <from-to>', t(help.years))
    .requiredOption('--out <key file>', t(help.keyOut))
    .option('--passphrase-file <file>', t(help.passphraseFile))
    .option('--force', t(help.force))
    .action(
      act(async (out, _args, o) =>
        (await editions()).runKeysNew(optionsOf(OPTIONS.keysNew, o), out),
      ),
    );

  define('publish', help.publish)
    .argument('<rules.json>', t(help.rules))
    .requiredOption('--key <key file>', t(help.keyFile))
    .requiredOption('--out <edition.json>', t(help.editionOut))
    .option('--previous <edition.json>', t(help.previous))
    .option('--passphrase-file <file>', t(help.passphraseFile))
    .option('--trust <file>', t(help.trustFile))
    .option('--force', t(help.force))
    .action(
      act(async (out, [file], o) =>
        (await editions()).runPublish(file as string, optionsOf(OPTIONS.publish, o), out),
      ),
    );

  define('verify', help.verify)
    .argument('<paths...>', t(help.editionPaths))
    .option('--trust <file>', t(help.trustFile))
    .action(
      act(async (out, [paths], o) =>
        (await editions()).runVerify(paths as string[], optionsOf(OPTIONS.trust, o), out),
      ),
    );

  const roster = group('roster', help.rosterGroup);
  define('check', help.rosterCheck, roster)
    .argument('<units.xlsx>', t(help.roster))
    .requiredOption('--edition <edition.json>', t(help.templateEdition))
    .option('--trust <file>', t(help.trustFile))
    .action(
      act(async (out, [file], o) =>
        (await import('./commands/roster/roster.ts')).runRosterCheck(
          file as string,
          optionsOf(OPTIONS.rosterCheck, o),
          out,
        ),
      ),
    );

  const trust = group('trust', help.trust);
  const trustCommand = (name: string, description: Msg): Command =>
    define(name, description, trust).option('--trust <file>', t(help.trustFile));
  trustCommand('add', help.trustAdd)
    .argument('<public key line>', t(help.publicKeyLine))
    .action(
      act(async (out, [line], o) =>
        (await editions()).runTrustAdd(line as string, optionsOf(OPTIONS.trust, o), out),
      ),
    );
  trustCommand('list', help.trustList).action(
    act(async (out, _args, o) => (await editions()).runTrustList(optionsOf(OPTIONS.trust, o), out)),
  );
  trustCommand('revoke', help.trustRevoke)
    .argument('<key id>', t(help.keyId))
    .option('--reason <text>', t(help.reason))
    .action(
      act(async (out, [id], o) =>
        (await editions()).runTrustRevoke(id as string, optionsOf(OPTIONS.trustRevoke, o), out),
      ),
    );

  return program;
}
