// json-schema-faker as a long-lived process: one JSON request per line on stdin, one JSON answer
// per line on stdout (so that a run pays Node's start-up and the module load once).
//
// usage: node jsf_server.mjs JSF_DIR
// request:  {"seed": N, "count": K, "targets": [[id, schema], ...]}
// answer:   {id: {"items": [...], "errors": [...]}, ...}
// Instance 0 fills every optional property, the last one (of two or more) has only the required ones,
// the rest pick optional properties at random. (optionalsProbability stays unset: with it,
// json-schema-faker 0.5.9 draws array lengths past the maxItems cap, and nested arrays of objects
// grew to megabytes on some seeds.)
import path from 'path';
import readline from 'readline';
import { pathToFileURL } from 'url';

const [jsfDir] = process.argv.slice(2);
const { JSONSchemaFaker: jsf } = await import(pathToFileURL(path.join(jsfDir, 'dist', 'main.mjs')).href);

let state = 1;
function random() {  // xorshift32: repeatable runs
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state / 4294967296;
}
jsf.format('byte', () => Buffer.from(String(Math.floor(random() * 1e9))).toString('base64'));
jsf.format('binary', () => 'oagen-binary');

function instances(input) {
  state = (input.seed >>> 0) || 1;
  const out = {};
  for (const [id, schema] of input.targets) {
    const items = [];
    const errors = [];
    for (let i = 0; i < input.count; i++) {
      // The instance with only the required properties follows references deeper (nothing optional
      // multiplies it): a required object ten references down still gets its required fields.
      const required = i > 0 && i === input.count - 1;
      jsf.option({
        random, alwaysFakeOptionals: i === 0, requiredOnly: required,
        useExamplesValue: false, useDefaultValue: false, failOnInvalidTypes: false, failOnInvalidFormat: false,
        maxItems: 3, refDepthMin: 0, refDepthMax: required ? 10 : 3, ignoreMissingRefs: true, omitNulls: false,
        renderTitle: false, renderDescription: false, minDateTime: '2000-01-01T00:00:00.000Z',
        maxDateTime: '2030-12-31T23:59:59.000Z',
      });
      try {
        items.push(jsf.generate(schema));
      } catch (e) {
        errors.push(String((e && e.message) || e).slice(0, 300));
      }
    }
    out[id] = { items, errors };
  }
  return out;
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let answer;
  try {
    answer = instances(JSON.parse(line));
  } catch (e) {
    answer = { __error__: String((e && e.message) || e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
