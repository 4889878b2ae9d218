import { createCrewViaApi, uniqueCrewName } from './crews.ts';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';

// Issue 16, "crews appear in search results": a keyword searched on /runs shows the crews it matches above
// the runs, and leads to the crew and to the rest on /crews. Texts from
// apps/web/src/locales/extra/{crew-search,crews}.ko.json and locales/ko.json.
const T = {
  search: '러닝 검색',
  submit: '검색',
  crews: '크루',
  more: (count: number) => `크루 ${count}개 더 보기`,
  crewSearch: '크루 이름으로 찾기',
};

test('a crew name searched on /runs, typed without its spaces, shows the crew and leads to it and to /crews', async ({
  page,
}) => {
  const host = await signUpViaApi(page.request, { nickname: '달빛검색장' });
  await onboardViaApi(page.request, host);
  // Four crews sharing a word no other test uses: three shown on /runs, one more on /crews.
  const word = uniqueCrewName('달빛').replace(' ', '');
  const crews: { id: string; name: string }[] = [];
  for (const spot of ['반포', '잠원', '서래', '동작'])
    crews.push(await createCrewViaApi(page.request, host, { name: `${spot} ${word}러너스` }));
  const [first] = crews;
  if (!first) throw new Error('no crew made');

  await test.step('the keyword finds the crews, typed on /runs without the name’s spaces', async () => {
    await page.goto('/runs');
    await page.getByRole('searchbox', { name: T.search }).fill(first.name.replaceAll(' ', ''));
    await page.getByRole('button', { name: T.submit, exact: true }).click();
    const section = page.getByRole('region', { name: T.crews });
    // "반포" in the typed name is also a place word (issue 18's search splits it off), so the other crews of
    // the same 반포 home spot and word are listed beside it: the crew whose whole name was typed comes first.
    await expect(section.getByRole('listitem').first().getByRole('link', { name: first.name })).toBeVisible();
    await section.getByRole('link', { name: first.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  });

  await test.step('a shared word shows three crews and links to the fourth on /crews', async () => {
    await page.goto(`/runs?q=${encodeURIComponent(word)}`);
    const section = page.getByRole('region', { name: T.crews });
    await expect(section.getByRole('listitem')).toHaveCount(3);
    await section.getByRole('link', { name: T.more(1) }).click();
    await expect(page).toHaveURL(`/crews?q=${encodeURIComponent(word)}`);
    await expect(page.getByRole('searchbox', { name: T.crewSearch })).toHaveValue(word);
    for (const crew of crews) await expect(page.getByRole('link', { name: crew.name })).toBeVisible();
  });
});
