import { describe, expect, it } from 'vitest';
import { yamlLocations } from './yaml-locations.js';

describe('YAML locations', () => {
  it('places nested, flow, flattened and listed keys, and list items, at line:column', () => {
    const text = [
      'failed:', //                       1
      '  critical: {max: 0}', //          2
      'passed.total.min: 3', //           3
      'lists:', //                        4
      '  - name: a', //                   5
      '    ids: [x, {deep: 1}]', //       6
      '"quoted key": 1', //               7
    ].join('\n');
    const where = Object.fromEntries(
      [...yamlLocations(text, 't.yml')].map(([path, l]) => [path, `${l.line}:${l.column}`]),
    );
    expect(where).toEqual({
      failed: '1:1',
      'failed.critical': '2:3',
      'failed.critical.max': '2:14',
      'passed.total.min': '3:1',
      lists: '4:1',
      'lists.0': '5:5',
      'lists.0.name': '5:5',
      'lists.0.ids': '6:5',
      'lists.0.ids.0': '6:11',
      'lists.0.ids.1': '6:14',
      'lists.0.ids.1.deep': '6:15',
      'quoted key': '7:2',
    });
  });
});
