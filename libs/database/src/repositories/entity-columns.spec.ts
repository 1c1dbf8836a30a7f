import { entityFromRow } from './entity-columns';

class Thing {
  id!: string;
  title!: string | null;
}

describe('entityFromRow', () => {
  it("takes the entity's properties out of a row that carries other fields too", () => {
    const row = { id: 'a', title: null, woman_name: 'Ann Smith', schedule_state: 'ON_TRACK' };
    const thing = entityFromRow(Thing, row, ['id', 'title']);
    expect(thing).toBeInstanceOf(Thing);
    expect({ ...thing }).toEqual({ id: 'a', title: null });
  });
});
