/**
 * The hand-labelled fixture and the extraction quality it measures. The issue's
 * targets are method >= 95%, kind >= 95%, techniques/targets micro-F1 >= 0.90,
 * numbers recall >= 95% at precision >= 90%, links 100%. Fields that meet them
 * are held there; the others are held at their current level so no rule change
 * can make them worse unnoticed (raise these floors as extraction improves).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Evaluation, type Label, evaluate } from '../../scripts/eval-extract.ts';
import { ingestDirectory } from '../../scripts/ingest/ingest.ts';
import { DIGESTS_DIR, digestNames, readDigest } from '../helpers/digests.ts';

const labels = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/extraction-labels.json'), 'utf8')) as Label[];
let evaluation: Evaluation;

beforeAll(async () => {
  const { records } = await ingestDirectory(DIGESTS_DIR, { curationDir: null });
  evaluation = evaluate(labels, records);
});

const field = (name: string) => evaluation.scores.find((score) => score.field === name)!;

describe('the labelled fixture', () => {
  it('labels at least 80 papers over every digest and every kind of paper in them', () => {
    expect(labels.length).toBeGreaterThanOrEqual(80);
    expect(new Set(labels.map((label) => label.digest))).toEqual(new Set(digestNames()));
    expect(new Set(labels.map((label) => label.kind))).toEqual(new Set(['method', 'analysis', 'benchmark', 'survey', 'dataset', 'toolkit', 'report']));
  });

  it('points at real title lines, one label per paper', () => {
    for (const label of labels) {
      const line = readDigest(label.digest).split(/\r?\n/)[label.line - 1]!.replace(/^Subscribe/, '');
      expect(line.trim(), `${label.digest}:${label.line}`).toBe(label.title);
    }
    expect(evaluation.missing).toEqual([]);
    expect(evaluation.papers).toBe(labels.length);
  });
});

describe('extraction quality on the labelled papers', () => {
  it('meets the method, kind, targets, numbers and links targets', () => {
    expect(field('method').f1).toBeGreaterThanOrEqual(0.95);
    expect(field('targets').f1).toBeGreaterThanOrEqual(0.9);
    expect(field('kind').f1).toBeGreaterThanOrEqual(0.95);
    expect(field('numbers').recall).toBeGreaterThanOrEqual(0.95);
    expect(field('numbers').precision).toBeGreaterThanOrEqual(0.9);
    expect(field('links').f1).toBe(1);
  });

  it('says what each found number measures as the labels do (no target set; held at its measured level)', () => {
    expect(field('number kind').f1).toBeGreaterThanOrEqual(0.96);
  });

  it('holds techniques at their measured level (target 0.90 not yet met)', () => {
    expect(field('techniques').f1).toBeGreaterThanOrEqual(0.825);
  });
});
