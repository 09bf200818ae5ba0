import { apiGroup, type KubeObject } from '../kube/objects.js';
import type { Difference } from './compare.js';
import { formatPath, isKeyed, parsePointer, type Segment } from './paths.js';

/**
 * Differences that are not drift, each with its reason. Built in:
 *
 *   hpa-replicas       spec.replicas of a workload a HorizontalPodAutoscaler targets (by its scaleTargetRef)
 *   webhook-ca-bundle  CA bundles injected into webhook configurations, CRD conversion webhooks and APIServices
 *   defaulted          a field Git leaves empty ("") that the API server fills in (a Service's clusterIP)
 *
 * and the user's rules: a JSON pointer (`*` matches any key or item; a list
 * item also matches by its merge key, `containers/web/image`) with optional
 * kind, group, name, namespace (globs) and manager selectors. The report
 * lists, per rule, what it suppressed, and the rules that matched nothing.
 */

export interface IgnoreRuleSpec {
  pointer: string;
  kind?: string | undefined;
  group?: string | undefined;
  name?: string | undefined;
  namespace?: string | undefined;
  /** Only changes made by this field manager (kubectl-rollout, a controller…). */
  manager?: string | undefined;
  reason?: string | undefined;
}

export interface IgnoreRule {
  id: string;
  /** Why this rule exists (for every match; a built-in rule may say more per match). */
  reason: string;
  builtIn: boolean;
  /** The rule as written, for the report. */
  spec?: IgnoreRuleSpec;
  /** The reason when the rule applies to this difference. */
  match(difference: Difference): string | undefined;
}

export interface Suppressed {
  rule: string;
  reason: string;
  difference: Difference;
}

export interface IgnoreOutcome {
  kept: Difference[];
  suppressed: Suppressed[];
  /** Ids of user rules that suppressed nothing (likely stale). */
  unused: string[];
}

export function applyIgnores(
  differences: readonly Difference[],
  rules: readonly IgnoreRule[],
): IgnoreOutcome {
  const kept: Difference[] = [];
  const suppressed: Suppressed[] = [];
  const used = new Set<string>();
  for (const difference of differences) {
    let match: Suppressed | undefined;
    for (const rule of rules) {
      const reason = rule.match(difference);
      if (reason !== undefined) {
        match = { rule: rule.id, reason, difference };
        break;
      }
    }
    if (match) {
      used.add(match.rule);
      suppressed.push(match);
    } else {
      kept.push(difference);
    }
  }
  const unused = rules.filter((rule) => !rule.builtIn && !used.has(rule.id)).map((rule) => rule.id);
  return { kept, suppressed, unused };
}

const WORKLOAD_REPLICAS = ['spec', 'replicas'];

/**
 * `spec.replicas` of every workload an autoscaler targets: the HPAs of the
 * release and the ones live in its namespaces (KEDA and others create their own).
 */
export function hpaReplicasRule(
  autoscalers: readonly KubeObject[],
  defaultNamespace: string,
): IgnoreRule {
  const targets = new Map<string, string>();
  for (const hpa of autoscalers) {
    if (hpa.kind !== 'HorizontalPodAutoscaler') continue;
    const ref = (
      hpa.spec as
        { scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string } } | undefined
    )?.scaleTargetRef;
    if (!ref?.kind || !ref.name) continue;
    const namespace = hpa.metadata?.namespace ?? defaultNamespace;
    targets.set(
      `${apiGroup(ref.apiVersion ?? '')}/${ref.kind}/${namespace}/${ref.name}`,
      `${namespace}/${hpa.metadata?.name ?? '?'}`,
    );
  }
  return {
    id: 'hpa-replicas',
    reason:
      "the replicas of a workload a HorizontalPodAutoscaler targets are the autoscaler's to set",
    builtIn: true,
    match(difference) {
      if (!samePath(difference.path, WORKLOAD_REPLICAS)) return undefined;
      const ref = difference.ref;
      const hpa = targets.get(
        `${apiGroup(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? defaultNamespace}/${ref.name}`,
      );
      return hpa
        ? `HorizontalPodAutoscaler ${hpa} scales ${ref.kind}/${ref.name} (its scaleTargetRef)`
        : undefined;
    },
  };
}

const CA_BUNDLES: Record<string, readonly string[][]> = {
  MutatingWebhookConfiguration: [['webhooks', '*', 'clientConfig', 'caBundle']],
  ValidatingWebhookConfiguration: [['webhooks', '*', 'clientConfig', 'caBundle']],
  CustomResourceDefinition: [['spec', 'conversion', 'webhook', 'clientConfig', 'caBundle']],
  APIService: [['spec', 'caBundle']],
};

export const webhookCaBundleRule: IgnoreRule = {
  id: 'webhook-ca-bundle',
  reason:
    "CA bundles are injected after the deploy (cert-manager's cainjector, or the serving component itself)",
  builtIn: true,
  match(difference) {
    const patterns = CA_BUNDLES[difference.ref.kind] ?? [];
    return patterns.some((pattern) => matchesPrefix(difference.path, pattern))
      ? this.reason
      : undefined;
  },
};

export const defaultedRule: IgnoreRule = {
  id: 'defaulted',
  reason: 'Git leaves the field empty and the API server fills it in',
  builtIn: true,
  match(difference) {
    if (difference.class !== 'changed-in-cluster' || !difference.setByRelease) return undefined;
    const empty =
      difference.deployed === '' ||
      (difference.deployed === undefined && difference.desired === '');
    return empty && difference.live !== undefined && difference.live !== ''
      ? this.reason
      : undefined;
  },
};

export function builtInRules(
  autoscalers: readonly KubeObject[],
  defaultNamespace: string,
): IgnoreRule[] {
  return [hpaReplicasRule(autoscalers, defaultNamespace), webhookCaBundleRule, defaultedRule];
}

/** A user's rule; `id` names it in the report (its position in the config, or its own name). */
export function userRule(id: string, spec: IgnoreRuleSpec): IgnoreRule {
  const pattern = parsePointer(spec.pointer);
  const reason = spec.reason ?? `ignored by rule ${id}`;
  return {
    id,
    reason,
    builtIn: false,
    spec,
    match(difference) {
      const ref = difference.ref;
      if (spec.kind !== undefined && !glob(spec.kind, ref.kind)) return undefined;
      if (spec.group !== undefined && !glob(spec.group, apiGroup(ref.apiVersion))) return undefined;
      if (spec.name !== undefined && !glob(spec.name, ref.name)) return undefined;
      if (spec.namespace !== undefined && !glob(spec.namespace, ref.namespace ?? ''))
        return undefined;
      if (spec.manager !== undefined && !glob(spec.manager, difference.manager?.manager ?? ''))
        return undefined;
      return matchesPrefix(difference.path, pattern) ? reason : undefined;
    },
  };
}

/** Whether the pattern's segments match the start of the path (a rule on a map covers what is below it). */
function matchesPrefix(path: readonly Segment[], pattern: readonly string[]): boolean {
  if (pattern.length > path.length) return false;
  return pattern.every((part, index) => segmentMatches(path[index] as Segment, part));
}

function segmentMatches(segment: Segment, part: string): boolean {
  if (part === '*') return true;
  if (typeof segment === 'number') return String(segment) === part;
  if (isKeyed(segment)) return segment.value === part || String(segment.index) === part;
  return segment === part;
}

function samePath(path: readonly Segment[], expected: readonly string[]): boolean {
  return path.length === expected.length && formatPath(path) === expected.join('.');
}

/** `*` matches any run of characters; everything else literally. */
export function glob(pattern: string, text: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
  return regex.test(text);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
