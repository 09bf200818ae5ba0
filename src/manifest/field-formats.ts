import { MAX_NAMESPACE_LENGTH } from './constants.js';
import { isPlainObject, pathMatches, previewValue, type JsonPath } from './json-path.js';
import { matchesDefinition, schemaDefinition } from './published-schema.js';

/**
 * Human explanations for strings that have a format (namespaces, versions,
 * paths, URLs): the schema only says "must match pattern …", these say which
 * rule the value breaks and what to write instead.
 */

export interface Explanation {
  readonly message: string;
  readonly fix: string;
}

interface FormatRule {
  /** Path pattern; `*` matches any one segment. */
  readonly path: JsonPath;
  /** The `$defs` entry of schema/default.schema.json that defines the format. */
  readonly definition: string;
  /** The rule is about a property name (an environment name), not a value. */
  readonly isKey?: boolean;
  readonly explain: (value: string, manifest: unknown) => Explanation;
}

const RULES: readonly FormatRule[] = [
  {
    path: ['namespace'],
    definition: 'namespace',
    explain: (value) =>
      explainDnsLabel(value, {
        what: 'namespace',
        maxLength: maxLengthOf('namespace'),
        lengthReason: `so that "<namespace>-stage" fits Kubernetes' limit of ${MAX_NAMESPACE_LENGTH}`,
      }),
  },
  {
    path: ['application', 'name'],
    definition: 'applicationName',
    explain: (value) =>
      explainDnsLabel(value, {
        what: 'application name',
        maxLength: maxLengthOf('applicationName'),
        lengthReason: "Helm's limit for release names",
      }),
  },
  { path: ['application', 'version'], definition: 'version', explain: explainVersion },
  {
    path: ['build', 'system_setup', 'buildfacts', '*'],
    definition: 'toolchainVersion',
    explain: explainToolchainVersion,
  },
  { path: ['artifacts'], definition: 'artifactPath', explain: explainArtifactPath },
  { path: ['artifacts', '*'], definition: 'artifactPath', explain: explainArtifactPath },
  {
    path: ['services', '*', 'name'],
    definition: 'serviceName',
    explain: (value) =>
      explainDnsLabel(value, {
        what: 'service name',
        maxLength: maxLengthOf('serviceName'),
        mustStartWithLetter: true,
      }),
  },
  {
    path: ['services', '*', 'external_url'],
    definition: 'externalUrl',
    explain: explainExternalUrl,
  },
  {
    path: ['services', '*', 'application'],
    definition: 'serviceApplication',
    explain: explainServiceApplication,
  },
  {
    path: ['environments', '*'],
    definition: 'environmentName',
    isKey: true,
    explain: (value) =>
      explainDnsLabel(value, {
        what: 'environment name',
        maxLength: maxLengthOf('environmentName'),
      }),
  },
  {
    path: ['environments', '*', 'namespace'],
    definition: 'dnsLabel',
    explain: (value) =>
      explainDnsLabel(value, { what: 'namespace', maxLength: maxLengthOf('dnsLabel') }),
  },
];

/** The length limit the schema sets, so that messages and schema can't disagree. */
function maxLengthOf(definition: string): number {
  const maxLength = schemaDefinition(definition)?.maxLength;
  return typeof maxLength === 'number' ? maxLength : Number.POSITIVE_INFINITY;
}

/** The `$defs` definitions the rules explain; the schema test checks every pattern has a rule. */
export const EXPLAINED_DEFINITIONS: readonly string[] = RULES.map((rule) => rule.definition);

/** The `$defs` definition that gives the value at `path` its format, if any. */
export function formatDefinitionAt(path: JsonPath): string | undefined {
  return RULES.find((rule) => !rule.isKey && pathMatches(path, rule.path))?.definition;
}

/** Why `value` at `path` breaks its format, or undefined when no rule covers that path. */
export function explainFormat(
  path: JsonPath,
  value: string,
  manifest: unknown,
  isKey = false,
): Explanation | undefined {
  const rule = RULES.find((r) => (r.isKey ?? false) === isKey && pathMatches(path, r.path));
  return rule?.explain(value, manifest);
}

interface DnsLabelRule {
  what: string;
  maxLength: number;
  lengthReason?: string;
  /** DNS-1035 (Service names) also forbids a leading digit. */
  mustStartWithLetter?: boolean;
}

function explainDnsLabel(value: string, rule: DnsLabelRule): Explanation {
  const shown = previewValue(value);
  const allowed = 'lowercase letters, digits and "-"';
  const suggestion = toDnsLabel(value, rule.maxLength);
  const such = suggestion && suggestion !== value ? `, such as ${JSON.stringify(suggestion)}` : '';
  if (value === '') {
    return {
      message: `the ${rule.what} is empty.`,
      fix: `give a ${rule.what} made of ${allowed}.`,
    };
  }
  if (value.length > rule.maxLength) {
    const reason = rule.lengthReason ? `, ${rule.lengthReason}` : '';
    return {
      message: `${shown} is ${value.length} characters long; ${withArticle(rule.what)} has at most ${rule.maxLength}${reason}.`,
      fix: `shorten it to ${rule.maxLength} characters or fewer${such}.`,
    };
  }
  const invalid = [...new Set(value.replace(/[a-z0-9-]/g, ''))];
  if (invalid.length > 0) {
    const upper = invalid.some((c) => /[A-Z]/.test(c));
    const others = invalid.filter((c) => !/[A-Z]/.test(c)).map((c) => JSON.stringify(c));
    const parts = [...(upper ? ['uppercase letters'] : []), ...others];
    const listed =
      parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join('');
    return {
      message: `${shown} is not a valid ${rule.what}: it has ${listed}.`,
      fix: `use only ${allowed}${such}.`,
    };
  }
  if (rule.mustStartWithLetter && !/^[a-z]/.test(value)) {
    return {
      message: `${shown} is not a valid ${rule.what}: it must start with a letter.`,
      fix: `start it with a lowercase letter, such as ${JSON.stringify(`svc-${value}`.slice(0, rule.maxLength))}.`,
    };
  }
  return {
    message: `${shown} is not a valid ${rule.what}: it must start and end with a letter or digit.`,
    fix: `remove the leading or trailing "-"${such}.`,
  };
}

function listWithAnd(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join('');
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** A best guess at the label the user meant: lowercase, other characters as "-". */
function toDnsLabel(value: string, maxLength: number): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

function explainVersion(value: string): Explanation {
  const message = `${previewValue(value)} is not an exact version or an X-range.`;
  const withoutV = value.replace(/^[vV](?=\d)/, '');
  if (withoutV !== value && isExactOrXRange(withoutV)) {
    return { message, fix: `drop the "v": ${JSON.stringify(withoutV)}.` };
  }
  const caret = /^\^(\d+)(?:\.\d+){0,2}$/.exec(value);
  if (caret) {
    return { message, fix: `write the range as an X-range: ${JSON.stringify(`${caret[1]}.x.x`)}.` };
  }
  const tilde = /^~(\d+)\.(\d+)(?:\.\d+)?$/.exec(value);
  if (tilde) {
    return {
      message,
      fix: `write the range as an X-range: ${JSON.stringify(`${tilde[1]}.${tilde[2]}.x`)}.`,
    };
  }
  const numbers = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (numbers) {
    const [, major, minor] = numbers;
    const exact = minor === undefined ? `${major}.0.0` : `${major}.${minor}.0`;
    const range = minor === undefined ? `${major}.x.x` : `${major}.${minor}.x`;
    return {
      message,
      fix: `use an exact semver such as ${JSON.stringify(exact)} or a range such as ${JSON.stringify(range)}.`,
    };
  }
  return {
    message,
    fix: 'use an exact semver such as "1.4.2" or a range such as "1.4.x", "1.x.x" or "1.x".',
  };
}

const EXACT_OR_X_RANGE = /^(?:\d+\.\d+\.\d+(?:[-+].*)?|\d+\.[xX*](?:\.[xX*])?|\d+\.\d+\.[xX*])$/;

function isExactOrXRange(value: string): boolean {
  return EXACT_OR_X_RANGE.test(value);
}

function explainToolchainVersion(value: string): Explanation {
  return {
    message: `${previewValue(value)} is not a toolchain version.`,
    fix: 'write a version such as "17", "3.12", "1.22.x" or "lts": letters, digits, ".", "_", "+" and "-".',
  };
}

function explainArtifactPath(value: string): Explanation {
  const shown = previewValue(value);
  const relative = value.replace(/^(?:[A-Za-z]:)?[/\\~]+/, '');
  const such = relative && relative !== value ? `, such as ${JSON.stringify(relative)}` : '';
  if (value === '') {
    return {
      message: 'the artifact path is empty.',
      fix: 'give a path relative to the repository root, such as "dist".',
    };
  }
  if (/^[/\\]/.test(value) || /^[A-Za-z]:/.test(value)) {
    return {
      message: `${shown} is an absolute path; artifacts must come from inside the repository.`,
      fix: `write it relative to the repository root${such}.`,
    };
  }
  if (value.startsWith('~')) {
    return {
      message: `${shown} starts with "~", the home directory, which is outside the repository.`,
      fix: `write it relative to the repository root${such}.`,
    };
  }
  if (/(?:^|[/\\])\.\.(?:[/\\]|$)/.test(value)) {
    return {
      message: `${shown} goes through "..", which can lead outside the repository.`,
      fix: 'give the path from the repository root without ".." segments.',
    };
  }
  if ([...value].some((char) => char.charCodeAt(0) < 0x20)) {
    return { message: `${shown} contains a control character.`, fix: 'remove it.' };
  }
  return {
    message: `${shown} is not a valid artifact path.`,
    fix: 'give a path relative to the repository root, such as "build/libs/app.jar".',
  };
}

function explainExternalUrl(value: string): Explanation {
  const parts = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)([^?#]*)(.*)$/s.exec(value);
  const [, scheme, hostAndPort = '', path = '', queryAndFragment = ''] = parts ?? [];
  const host = hostAndPort.replace(/:\d*$/, '');
  const faults = [
    ...(scheme && scheme.toLowerCase() !== 'https'
      ? [`the scheme ${scheme}:// (only https is served)`]
      : []),
    ...(/[A-Z]/.test(host) ? ['uppercase letters in the host'] : []),
    ...(host !== hostAndPort ? ['a port (the ingress answers on the standard https port)'] : []),
    ...(queryAndFragment ? ['a query or fragment'] : []),
  ];
  const cleanHost = host.toLowerCase();
  const suggestion = `${scheme ? 'https://' : ''}${cleanHost}${path}`;
  const rest = faults.length > 0 ? `: it has ${listWithAnd(faults)}` : '';
  const canSuggest = faults.length > 0 && matchesDefinition('externalUrl', suggestion);
  return {
    message: `${previewValue(value)} is not a hostname or an https URL${rest}.`,
    fix: canSuggest
      ? `write ${JSON.stringify(suggestion)}${scheme ? ` or just ${JSON.stringify(cleanHost)}` : ''}.`
      : 'write a hostname such as "checkout.example.com" or a URL such as "https://example.com/checkout".',
  };
}

function explainServiceApplication(value: string, manifest: unknown): Explanation {
  const namespace = stringAt(manifest, 'namespace') ?? 'my-team';
  const app = stringAt(manifest, 'application', 'name') ?? 'my-app';
  const appPart = value.includes('/') ? (value.split('/').at(-1) ?? app) : value;
  const suggestion = `${namespace}/${toDnsLabel(appPart, 63) || app}`;
  return {
    message: `${previewValue(value)} is not <namespace>/<application>.`,
    fix: `write it as ${JSON.stringify(suggestion)}.`,
  };
}

function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) current = isPlainObject(current) ? current[key] : undefined;
  return typeof current === 'string' && current !== '' ? current : undefined;
}
