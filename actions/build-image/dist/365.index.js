export const id = 365;
export const ids = [365];
export const modules = {

/***/ 8365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishSbom: () => (/* binding */ publishSbom)
});

// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/oci/index.ts + 10 modules
var oci = __webpack_require__(6323);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(320);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(1248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var spec = __webpack_require__(4321);
// EXTERNAL MODULE: ./node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(7091);
;// CONCATENATED MODULE: ./src/sbom/document.ts

// The subpaths, not the package's index: it also loads its schema files from
// beside itself (__dirname), which an ES module bundle does not have.





/**
 * The SBOM of an image as a CycloneDX 1.6 JSON document, written with the
 * OWASP CycloneDX library: the image itself (a container, by digest), its
 * distribution and every installed Debian package (from the image's dpkg
 * database), and the language dependencies its sources' lock files declare
 * (development ones with scope "excluded": used to build, not shipped).
 */
const SBOM_MEDIA_TYPE = 'application/vnd.cyclonedx+json';
/** The property that names the lock file a dependency comes from. */
const LOCKFILE_PROPERTY = 'pipeline-actions:lockfile';
function sbomDocument(input) {
    const bom = new models.Bom({
        serialNumber: input.serialNumber ?? `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`,
    });
    const imagePurl = containerPurl(input.image, input.digest);
    bom.metadata.timestamp = input.timestamp ?? new Date();
    bom.metadata.component = new models.Component(enums.ComponentType.Container, input.image.slice(input.image.lastIndexOf('/') + 1), { bomRef: imagePurl, purl: imagePurl, version: input.version });
    bom.metadata.tools.components.add(new models.Component(enums.ComponentType.Application, input.tool.name, {
        version: input.tool.version,
    }));
    if (input.os) {
        const os = input.os;
        bom.components.add(new models.Component(enums.ComponentType.OperatingSystem, os.id, {
            bomRef: `os:${os.id}@${os.versionId ?? 'unknown'}`,
            ...(os.versionId ? { version: os.versionId } : {}),
            ...(os.prettyName ? { description: os.prettyName } : {}),
        }));
    }
    const distro = input.os?.versionId ? `${input.os.id}-${input.os.versionId}` : undefined;
    const namespace = input.os?.id ?? 'debian';
    for (const [name, found] of input.packages) {
        const qualifiers = {};
        if (found.architecture)
            qualifiers.arch = found.architecture;
        if (distro)
            qualifiers.distro = distro;
        const purl = new packageurl_js.PackageURL('deb', namespace, name, found.version, qualifiers, undefined).toString();
        bom.components.add(new models.Component(enums.ComponentType.Library, name, {
            bomRef: purl,
            purl,
            version: found.version,
        }));
    }
    const seen = new Set();
    for (const dependency of input.dependencies) {
        // The same package in two lock files (or twice in one) is one component.
        if (seen.has(dependency.purl))
            continue;
        seen.add(dependency.purl);
        const component = new models.Component(enums.ComponentType.Library, dependency.name, {
            bomRef: dependency.purl,
            purl: dependency.purl,
            ...(dependency.group ? { group: dependency.group } : {}),
            ...(dependency.version ? { version: dependency.version } : {}),
            ...(dependency.development ? { scope: enums.ComponentScope.Excluded } : {}),
        });
        component.properties.add(new models.Property(LOCKFILE_PROPERTY, dependency.file));
        bom.components.add(component);
    }
    const serializer = new index_node.JsonSerializer(new index_node.JSON.Normalize.Factory(spec.Spec1dot6));
    return serializer.serialize(bom, { sortLists: true, space: 2 });
}
/** `pkg:oci/<name>@<digest>?repository_url=<registry/path/name>`, the purl of an OCI image. */
function containerPurl(image, digest) {
    const name = image.slice(image.lastIndexOf('/') + 1);
    return new packageurl_js.PackageURL('oci', undefined, name, digest, { repository_url: image }, undefined).toString();
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/sbom/lockfiles.ts



const PARSERS = {
    'package-lock.json': npmLock,
    'npm-shrinkwrap.json': npmLock,
    'go.mod': goMod,
    'poetry.lock': poetryLock,
    'Pipfile.lock': pipfileLock,
    'gradle.lockfile': gradleLock,
    'pom.xml': pomXml,
    'build.gradle': gradleBuild,
    'build.gradle.kts': gradleBuild,
};
function parserFor(path) {
    const name = (0,external_node_path_.basename)(path);
    if (/^requirements[\w.-]*\.txt$/.test(name))
        return requirementsTxt;
    return Object.hasOwn(PARSERS, name) ? PARSERS[name] : undefined;
}
/**
 * The dependencies in the lock files among `files` (paths relative to
 * `root`, as listSourceFiles gives them). Vendored trees (node_modules,
 * vendor) are not the application's own lock files and are skipped.
 */
async function readLockfiles(root, files) {
    const dependencies = [];
    const read = [];
    const problems = [];
    for (const file of files) {
        const parser = parserFor(file);
        if (!parser || file.split('/').some((part) => part === 'node_modules' || part === 'vendor'))
            continue;
        // A Gradle build with a lock file: the lock file has every version.
        if (parser === gradleBuild && files.includes((0,external_node_path_.join)(file, '..', 'gradle.lockfile')))
            continue;
        try {
            dependencies.push(...parser(await (0,promises_.readFile)((0,external_node_path_.join)(root, file), 'utf8'), file));
            read.push(file);
        }
        catch (error) {
            problems.push(`${file}: ${error.message}`);
        }
    }
    return { dependencies, files: read, problems };
}
function dependency(ecosystem, group, name, version, file, development = false) {
    const purl = new packageurl_js.PackageURL(ecosystem, group, name, version, undefined, undefined).toString();
    return { ecosystem, group, name, version, development, file, purl };
}
/** package-lock.json v2/v3 (`packages`), or v1 (`dependencies`, nested). */
function npmLock(text, file) {
    const lock = JSON.parse(text);
    const found = [];
    if (lock.packages) {
        for (const [path, entry] of Object.entries(lock.packages)) {
            const at = path.lastIndexOf('node_modules/');
            // "" is the app itself; workspace folders and links are not dependencies.
            if (at === -1 || entry.link || !entry.version)
                continue;
            found.push(npmDependency(entry.name ?? path.slice(at + 13), entry.version, file, !!entry.dev));
        }
        return found;
    }
    const walk = (entries) => {
        for (const [name, entry] of Object.entries(entries)) {
            if (entry.version && !entry.version.startsWith('file:'))
                found.push(npmDependency(name, entry.version, file, !!entry.dev));
            if (entry.dependencies)
                walk(entry.dependencies);
        }
    };
    walk(lock.dependencies ?? {});
    return found;
}
function npmDependency(fullName, version, file, dev) {
    const slash = fullName.startsWith('@') ? fullName.indexOf('/') : -1;
    const group = slash > 0 ? fullName.slice(0, slash) : undefined;
    const name = slash > 0 ? fullName.slice(slash + 1) : fullName;
    return dependency('npm', group, name, version, file, dev);
}
/** go.mod's `require` lines (single and blocks), `replace` directives applied to versions. */
function goMod(text, file) {
    const requires = new Map();
    const replaces = new Map();
    let block;
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (!line)
            continue;
        if (block) {
            if (line === ')')
                block = undefined;
            else
                directive(block, line);
            continue;
        }
        const open = /^(require|replace)\s*\($/.exec(line);
        if (open)
            block = open[1];
        else {
            const single = /^(require|replace)\s+(.*)$/.exec(line);
            if (single)
                directive(single[1], single[2]);
        }
    }
    function directive(kind, rest) {
        if (kind === 'require') {
            const [path, version] = rest.split(/\s+/);
            if (path && version)
                requires.set(path, version);
            return;
        }
        const match = /^(\S+)(?:\s+\S+)?\s*=>\s*(\S+)(?:\s+(\S+))?$/.exec(rest);
        if (match)
            replaces.set(match[1], { path: match[2], version: match[3] });
    }
    return [...requires].map(([path, version]) => {
        const replaced = replaces.get(path);
        // A replacement by a local directory (./x, ../x) has no version of its own.
        const local = replaced && /^\.{1,2}\//.test(replaced.path);
        const module = replaced && !local ? replaced.path : path;
        const at = module.lastIndexOf('/');
        return dependency('golang', at > 0 ? module.slice(0, at) : undefined, at > 0 ? module.slice(at + 1) : module, local ? undefined : (replaced?.version ?? version), file);
    });
}
/** `name==version` pins; other lines name a dependency without a version. Options and includes are skipped. */
function requirementsTxt(text, file) {
    const found = [];
    for (const raw of text.replace(/\\\r?\n/g, ' ').split('\n')) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!line || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line))
            continue;
        const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:===?\s*([^\s;,]+)(?=\s*(?:;|$|--)))?/.exec(line);
        if (!match)
            continue;
        found.push(dependency('pypi', undefined, pypiName(match[1]), match[3], file));
    }
    return found;
}
/** poetry.lock: every `[[package]]` table's name and version; groups other than main are development. */
function poetryLock(text, file) {
    const found = [];
    for (const table of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
        const body = table.split(/^\[(?!\[)/m)[0] ?? '';
        const name = /^name\s*=\s*"([^"]+)"/m.exec(body)?.[1];
        const version = /^version\s*=\s*"([^"]+)"/m.exec(body)?.[1];
        if (!name)
            continue;
        const category = /^category\s*=\s*"([^"]+)"/m.exec(body)?.[1];
        const groups = /^groups\s*=\s*\[([^\]]*)\]/m.exec(body)?.[1];
        const development = category
            ? category !== 'main'
            : groups !== undefined && !/"main"/.test(groups);
        found.push(dependency('pypi', undefined, pypiName(name), version, file, development));
    }
    return found;
}
/** Pipfile.lock: `default` and `develop`, each `"==version"`. */
function pipfileLock(text, file) {
    const lock = JSON.parse(text);
    const found = [];
    for (const [section, development] of [
        ['default', false],
        ['develop', true],
    ]) {
        for (const [name, entry] of Object.entries(lock[section] ?? {})) {
            const version = entry.version?.replace(/^==/, '');
            found.push(dependency('pypi', undefined, pypiName(name), version, file, development));
        }
    }
    return found;
}
/** gradle.lockfile: `group:name:version=configurations`; only test configurations is development. */
function gradleLock(text, file) {
    const found = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith('empty='))
            continue;
        const match = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=(.*)$/.exec(line);
        if (!match)
            continue;
        const configurations = match[4].split(',').filter(Boolean);
        const development = configurations.length > 0 && configurations.every((c) => /^test/i.test(c.trim()));
        found.push(dependency('maven', match[1], match[2], match[3], file, development));
    }
    return found;
}
/** PEP 503's normalized name, as purls of PyPI packages use it. */
function pypiName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** pom.xml's direct dependencies (not those of dependencyManagement, plugins or profiles); test and provided scopes are development. */
function pomXml(text, file) {
    const xml = text
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<(dependencyManagement|build|profiles|parent)>[\s\S]*?<\/\1>/g, '');
    const properties = new Map();
    const props = /<properties>([\s\S]*?)<\/properties>/.exec(xml)?.[1] ?? '';
    for (const match of props.matchAll(/<([\w.-]+)>([^<]*)<\/\1>/g)) {
        properties.set(match[1], match[2].trim());
    }
    const own = /<version>([^<]*)<\/version>/.exec(xml.replace(/<dependencies>[\s\S]*<\/dependencies>/, ''));
    if (own)
        properties.set('project.version', own[1].trim());
    const resolve = (value) => {
        const resolved = value?.replace(/\$\{([^}]+)\}/g, (all, name) => properties.get(name) ?? all);
        return resolved && !resolved.includes('${') ? resolved : undefined;
    };
    const found = [];
    for (const block of xml.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
        const field = (name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(block[1])?.[1]?.trim();
        const group = resolve(field('groupId'));
        const name = resolve(field('artifactId'));
        if (!group || !name)
            continue;
        const scope = field('scope');
        const development = scope === 'test' || scope === 'provided';
        found.push(dependency('maven', group, name, resolve(field('version')), file, development));
    }
    return found;
}
/** build.gradle(.kts): `configuration 'group:name:version'` lines; test and compile-only configurations are development. */
function gradleBuild(text, file) {
    const found = [];
    const line = /^\s*(\w+)\s*\(?\s*['"]([^'":\s$]+):([^'":\s$]+)(?::([^'":\s@]+))?[^'"]*['"]/gm;
    for (const match of text.matchAll(line)) {
        const configuration = match[1];
        if (!/(implementation|api|compile|runtime|runtimeOnly|compileOnly|annotationProcessor)$/i.test(configuration))
            continue;
        const version = match[4]?.includes('$') ? undefined : match[4];
        const development = /^test|compileOnly$|annotationProcessor$/i.test(configuration);
        found.push(dependency('maven', match[2], match[3], version, file, development));
    }
    return found;
}

// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./actions/build-image/src/sbom.ts







async function publishSbom(target, digest, facts, sources) {
    let counts = {
        osPackages: undefined,
        dependencies: undefined,
        lockfiles: [],
    };
    try {
        const existing = await (0,oci/* listReferrers */.xt)(target.client, target.repository, digest, SBOM_MEDIA_TYPE);
        const found = existing.referrers[0];
        if (found) {
            core/* info */.pq(`SBOM: the image already has one, ${target.name}@${found.digest} (${existing.via}).`);
            return {
                ref: `${target.name}@${found.digest}`,
                via: existing.via,
                pushed: false,
                ...counts,
                error: undefined,
            };
        }
        const image = await facts();
        const locks = await readLockfiles(sources.dir, sources.files);
        for (const problem of locks.problems) {
            (0,annotations/* annotate */.f)('warning', `SBOM: a lock file could not be read: ${problem}`, undefined, 'SBOM');
        }
        const document = Buffer.from(sbomDocument({
            image: target.name,
            digest,
            version: sources.version,
            os: image.os,
            packages: image.packages,
            dependencies: locks.dependencies,
            // The action's ref on GitHub (`v1`); the major version elsewhere.
            tool: {
                name: 'pipeline-actions build-image',
                version: process.env.GITHUB_ACTION_REF || '1',
            },
        }));
        counts = {
            osPackages: image.packages.size,
            dependencies: locks.dependencies.length,
            lockfiles: locks.files,
        };
        core/* info */.pq(`SBOM: CycloneDX 1.6, ${(0,summary/* plural */.LS)(image.packages.size, 'OS package')}, ${(0,summary/* plural */.LS)(locks.dependencies.length, 'dependency', 'dependencies')} from ${locks.files.length > 0 ? locks.files.join(', ') : 'no lock file'}.`);
        const subject = await target.client.headManifest(target.repository, digest);
        if (!subject)
            throw new Error(`${target.name}@${digest} is not in the registry.`);
        const pushed = await (0,oci/* pushReferrer */.eX)(target.client, target.repository, subject, {
            artifactType: SBOM_MEDIA_TYPE,
            mediaType: SBOM_MEDIA_TYPE,
            bytes: document,
            title: 'sbom.cdx.json',
            annotations: { 'org.opencontainers.image.created': new Date().toISOString() },
        });
        const ref = `${target.name}@${pushed.digest}`;
        core/* info */.pq(`SBOM: ${ref} refers to ${digest} (${pushed.via === 'referrers-api' ? "indexed by the registry's referrers API" : `listed in the referrers tag ${target.name}:${(0,oci/* referrersTag */.LN)(digest)}`}).`);
        return { ref, via: pushed.via, pushed: true, ...counts, error: undefined };
    }
    catch (error) {
        const reason = (0,errors/* errorMessage */.gJ)(error);
        (0,annotations/* annotate */.f)('warning', `The SBOM of ${target.name}@${digest} could not be pushed: ${reason}\nThe image is published without it; the next run of the same content pushes it (or set "sbom: false").`, undefined, 'SBOM not pushed');
        return { ref: undefined, via: undefined, pushed: false, ...counts, error: reason };
    }
}


/***/ })

};
