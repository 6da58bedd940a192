import { ProviderQueryError, queryDocuments } from './document-query.js';

const DOCS = [
  { identifier: 'a', title: 'Zeta framework', creator: 'State', adoptionStatus: 'Adopted' },
  { identifier: 'b', title: 'Alpha framework', creator: 'District', adoptionStatus: 'Draft' },
  { identifier: 'c', title: 'Mid framework', creator: 'State', adoptionStatus: 'Adopted' },
];
const FIELDS = ['identifier', 'title', 'creator', 'adoptionStatus'];

describe('queryDocuments', () => {
  it('sorts, pages and selects fields', () => {
    const r = queryDocuments(DOCS, { sort: 'title', orderBy: 'desc', limit: '2', offset: '1', fields: 'identifier' }, FIELDS);
    expect(r).toEqual({ page: [{ identifier: 'c' }, { identifier: 'b' }], total: 3, limit: 2, offset: 1 });
  });

  it('filters with AND and OR clauses', () => {
    expect(queryDocuments(DOCS, { filter: "creator='State' AND adoptionStatus=Adopted" }, FIELDS).page.map((d) => d.identifier)).toEqual([
      'a',
      'c',
    ]);
    expect(queryDocuments(DOCS, { filter: 'creator=District OR title~zeta' }, FIELDS).page.map((d) => d.identifier)).toEqual(['a', 'b']);
    expect(queryDocuments(DOCS, { filter: 'creator!=State' }, FIELDS).total).toBe(1);
  });

  it.each([
    [{ sort: 'nope' }, 'invalid_sort_field'],
    [{ fields: 'identifier,nope' }, 'invalid_selection_field'],
    [{ filter: 'nope=1' }, 'invalid_filter_field'],
    [{ limit: '0' }, 'invalid_data'],
    [{ offset: '-1' }, 'invalid_data'],
    [{ orderBy: 'up', sort: 'title' }, 'invalid_data'],
  ])('answers 400 for %j', (q, codeMinor) => {
    try {
      queryDocuments(DOCS, q, FIELDS);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ProviderQueryError);
      expect(e).toMatchObject({ status: 400, codeMinor });
    }
  });
});
