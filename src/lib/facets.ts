/** Titles and wording for the static facet pages. */
import type { FacetRoute } from './paths.ts';

export const FACET_TITLES: Record<FacetRoute, { title: string; singular: string; intro: string }> = {
  techniques: { title: 'Techniques', singular: 'technique', intro: 'How papers make models and data smaller or cheaper.' },
  targets: { title: 'Targets', singular: 'target', intro: 'What gets smaller: weights, KV cache, context, reasoning traces, images and more.' },
  kinds: { title: 'Kinds', singular: 'kind', intro: 'What sort of paper it is: a method, survey, benchmark, analysis, dataset, toolkit or report.' },
};
