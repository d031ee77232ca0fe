// Reads {"name": "expr", ...} from stdin; writes {"name": {"errors": [...], "metrics": [...]}} for each.
// An error is a node the grammar could not parse (Lezer marks it ⚠): a typo, an unknown function,
// a missing bracket. Metrics are the names of the vector selectors.
import { parser } from '@prometheus-io/lezer-promql';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = {};
for (const [name, expr] of Object.entries(JSON.parse(input))) {
  const errors = [];
  const metrics = new Set();
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) errors.push(`at ${node.from}: "${expr.slice(Math.max(0, node.from - 20), node.to + 20)}"`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') metrics.add(expr.slice(node.from, node.to));
    },
  });
  result[name] = { errors, metrics: [...metrics] };
}
process.stdout.write(JSON.stringify(result));
