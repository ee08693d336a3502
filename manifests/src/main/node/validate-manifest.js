#!/usr/bin/env node
// Validates a Teams app manifest.json against the official JSON schema that @microsoft/app-manifest bundles,
// without any network access, then applies the Teams rules that the schema does not express.
//
//   node validate-manifest.js path/to/manifest.json [more manifests ...]
//
// Exit code 0: every manifest is valid. Exit code 1: at least one is not; each invalid manifest's problems are printed
// on stderr, after its path. Exit code 2: the validator could not run (no file given, a file unreadable, a bundled
// schema unparseable). Several manifests in one run share the compiled schema.
//
// The package's own validateAgainstSchema cannot be required here (its index needs fs-extra, which it lists only as a
// development dependency), so this script loads the bundled schema file itself and compiles it the way the package
// does: Ajv for JSON Schema draft-04 with allErrors, strictTypes off and the uri, email and regex formats.
"use strict";

const fs = require("fs");
const path = require("path");
const AjvDraft04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const SCHEMA_HOST = "https://developer.microsoft.com/";
const TEAMS_SCHEMAS = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build", "json-schemas", "teams");

// Teams' documented limits for bot commands, stricter than the schema (12 commands, 128-character titles).
const MAX_COMMANDS_PER_LIST = 10;
const MAX_COMMAND_TITLE = 32;
const MAX_COMMAND_DESCRIPTION = 128;

function fail(code, message) {
  process.stderr.write(message + "\n");
  process.exit(code);
}

/** The numbered schema versions the package bundles (vDevPreview is a preview, not a release), newest first. */
function bundledVersions() {
  return fs.readdirSync(TEAMS_SCHEMAS)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.substring(1))
    .sort((a, b) => {
      const [am, an] = a.split(".").map(Number);
      const [bm, bn] = b.split(".").map(Number);
      return bm - am || bn - an;
    });
}

/** Maps a $schema address to the bundled file, as @microsoft/app-manifest does (a locale segment is ignored). */
function localSchemaFile(schemaUrl) {
  let url;
  try {
    url = new URL(schemaUrl);
  } catch (e) {
    return null;
  }
  if (url.origin + "/" !== SCHEMA_HOST) {
    return null;
  }
  const match = url.pathname.match(/^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/i);
  if (!match) {
    return null;
  }
  const file = path.join(TEAMS_SCHEMAS, match[1], "MicrosoftTeams.schema.json");
  return fs.existsSync(file) ? file : null;
}

function readJson(file, what) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    fail(2, `Cannot read ${what} ${file}: ${e.message}`);
  }
  // The published schemas carry \a and \v escapes in some patterns, which JSON does not allow; the package rewrites
  // them the same way before parsing.
  text = text.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { parseError: e.message };
  }
}

function teamsRules(manifest, manifestDir, problems) {
  const newest = bundledVersions()[0];
  if (manifest.manifestVersion !== newest) {
    problems.push(`/manifestVersion is ${JSON.stringify(manifest.manifestVersion)}, but the newest schema `
      + `@microsoft/app-manifest bundles is ${newest}`);
  }
  const expectedSchema = `${SCHEMA_HOST}en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedSchema) {
    problems.push(`/$schema is ${JSON.stringify(manifest.$schema)}, expected ${expectedSchema}`);
  }
  for (const [i, bot] of (manifest.bots || []).entries()) {
    for (const [j, list] of (bot.commandLists || []).entries()) {
      const where = `/bots/${i}/commandLists/${j}`;
      const commands = list.commands || [];
      if (commands.length > MAX_COMMANDS_PER_LIST) {
        problems.push(`${where}/commands has ${commands.length} commands; Teams shows at most ${MAX_COMMANDS_PER_LIST}`);
      }
      const titles = new Set();
      for (const [k, command] of commands.entries()) {
        if (typeof command.title === "string" && command.title.length > MAX_COMMAND_TITLE) {
          problems.push(`${where}/commands/${k}/title is longer than ${MAX_COMMAND_TITLE} characters`);
        }
        if (typeof command.description !== "string" || command.description.length === 0) {
          problems.push(`${where}/commands/${k}/description is missing`);
        } else if (command.description.length > MAX_COMMAND_DESCRIPTION) {
          problems.push(`${where}/commands/${k}/description is longer than ${MAX_COMMAND_DESCRIPTION} characters`);
        }
        if (titles.has(command.title)) {
          problems.push(`${where}/commands/${k}/title ${JSON.stringify(command.title)} is listed twice`);
        }
        titles.add(command.title);
      }
    }
  }
  const icons = manifest.icons || {};
  for (const key of ["color", "outline"]) {
    const name = icons[key];
    if (typeof name === "string" && !fs.existsSync(path.join(manifestDir, name))) {
      problems.push(`/icons/${key} names ${name}, which is not beside the manifest`);
    }
  }
}

/** Checks one manifest; returns null when it is valid, else the message that says why not. */
function check(file, compiled) {
  const manifest = readJson(file, "manifest");
  if (manifest.parseError !== undefined) {
    return `${file} is not JSON: ${manifest.parseError}`;
  }
  if (typeof manifest.$schema !== "string") {
    return `${file}: /$schema is missing, so there is no schema to validate against`;
  }
  const schemaFile = localSchemaFile(manifest.$schema);
  if (!schemaFile) {
    return `${file}: /$schema ${manifest.$schema} is not one of the Teams schemas bundled in `
      + `@microsoft/app-manifest (bundled: ${bundledVersions().join(", ")})`;
  }
  if (!compiled.has(schemaFile)) {
    const schema = readJson(schemaFile, "schema");
    if (schema.parseError !== undefined) {
      fail(2, `${schemaFile} is not JSON: ${schema.parseError}`);
    }
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
    addFormats(ajv, ["uri", "email", "regex"]);
    compiled.set(schemaFile, ajv.compile(schema));
  }
  const validate = compiled.get(schemaFile);

  const problems = [];
  if (!validate(manifest)) {
    for (const error of validate.errors) {
      problems.push(`${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
  teamsRules(manifest, path.dirname(path.resolve(file)), problems);

  const relative = path.relative(path.dirname(TEAMS_SCHEMAS), schemaFile);
  if (problems.length > 0) {
    return `${file} does not validate against ${relative}:\n` + problems.map((p) => "  " + p).join("\n");
  }
  process.stdout.write(`${file} is a valid Teams app manifest (${relative}).\n`);
  return null;
}

function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    fail(2, "usage: node validate-manifest.js manifest.json [more manifests ...]");
  }
  const compiled = new Map();
  let invalid = 0;
  for (const file of files) {
    const message = check(file, compiled);
    if (message !== null) {
      process.stderr.write(message + "\n");
      invalid++;
    }
  }
  process.exit(invalid === 0 ? 0 : 1);
}

main();
