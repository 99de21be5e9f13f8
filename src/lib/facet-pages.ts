/** Static paths for one facet's value pages, paginated like the home list. */
import { getPapers, papersWith } from './papers.ts';
import { pageCount } from './pagination.ts';
import { type FacetName, taxonomy } from './taxonomy.ts';

export async function facetPagePaths(facet: FacetName) {
  const papers = await getPapers();
  return taxonomy[facet].flatMap((term) => {
    const matching = papersWith(papers, facet, term.id);
    return Array.from({ length: pageCount(matching.length) }, (_, index) => ({
      // Page 1 lives at the facet value's own URL; later pages at `page/N/` below it.
      params: { id: term.id, page: index === 0 ? undefined : `page/${index + 1}` },
      props: { term, papers: matching, page: index + 1 },
    }));
  });
}
