#!/usr/bin/env node
// Usage: node json_graphology.js MODULES_DIR FILE.json...
//
// Loads each JSON node-link export into graphology (the graph library of
// Sigma.js and Gephi Lite) through graphology's own serialized format, with
// the adapter docs/formats.md gives users: nodes become {key, attributes},
// links become edges. Graph.from() is strict: a link to a missing node, a
// repeated key or a parallel edge in a simple graph throws. Then checks that
// every node and edge arrived with its attributes, and that what Sigma.js
// draws with (x, y, size, color, label) has the right types.
// MODULES_DIR is the node_modules folder holding graphology.
// Exit status: 0 all loaded, 1 any failed, 2 usage.
'use strict';

const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
if (args.length < 2) {
  console.error('usage: node json_graphology.js MODULES_DIR FILE.json...');
  process.exit(2);
}
const Graph = require(path.resolve(args[0], 'graphology'));

// The adapter of docs/formats.md.
function fromNodeLink(data) {
  return Graph.from({
    options: { type: data.directed ? 'directed' : 'undirected', multi: data.multigraph },
    attributes: data.graph,
    nodes: data.nodes.map(({ id, ...attributes }) => ({ key: id, attributes })),
    edges: data.links.map(({ id, source, target, ...attributes }) => ({
      key: id, source, target, attributes,
    })),
  });
}

function check(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const graph = fromNodeLink(data);
  const problems = [];
  if (graph.order !== data.nodes.length || graph.size !== data.links.length)
    problems.push(`graphology has ${graph.order} nodes, ${graph.size} edges`);
  for (const n of data.nodes) {
    const a = graph.getNodeAttributes(n.id);
    for (const [k, v] of Object.entries(n))
      if (k !== 'id' && a[k] !== v) problems.push(`node ${n.id}: ${k}`);
    if (typeof a.label !== 'string' || a.label === '') problems.push(`node ${n.id}: no label`);
    if (!/^#[0-9a-f]{6}$/.test(a.color)) problems.push(`node ${n.id}: color ${a.color}`);
    for (const k of ['x', 'y', 'size'])
      if (k in a && typeof a[k] !== 'number') problems.push(`node ${n.id}: ${k} is not a number`);
  }
  for (const e of data.links) {
    if (graph.source(e.id) !== e.source && graph.target(e.id) !== e.source)
      problems.push(`edge ${e.id}: ends`);
    if (typeof graph.getEdgeAttribute(e.id, 'weight') !== 'number')
      problems.push(`edge ${e.id}: weight is not a number`);
  }
  return problems;
}

let failed = 0;
for (const file of args.slice(1)) {
  let problems;
  try {
    problems = check(file);
  } catch (err) {
    problems = [String(err && err.message ? err.message : err)];
  }
  console.log(`${problems.length ? 'FAIL' : 'PASS'} ${file}`);
  for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
  if (problems.length) failed++;
}
console.log(`${args.length - 1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
