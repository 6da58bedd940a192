import { Persona, type Principal } from '../access/persona.js';
import type { EducatorEntity } from './educator.entity.js';
import { toEducatorModel } from './educator.mapper.js';

describe('toEducatorModel', () => {
  const educator = {
    id: 'e-1',
    employeeId: 'E100',
    fullName: 'Ada Byron',
    workEmail: 'ada@district.example',
    buildingId: 'b-1',
    currentAssignment: 'Grade 5',
    hireDate: '2012-08-20',
    leavingDate: '2027-06-30',
    createdAt: new Date(),
    updatedAt: new Date(),
    version: 3,
  } as EducatorEntity;
  const viewer = (personas: Persona[], educatorId: string | null = null): Principal => ({
    accountId: 'a',
    email: 'x@y',
    personas: new Set(personas),
    educatorId,
  });

  it('shows the work email to HR and to the educator themself', () => {
    expect(toEducatorModel(educator, viewer([Persona.HR])).workEmail).toBe('ada@district.example');
    expect(toEducatorModel(educator, viewer([Persona.EDUCATOR], 'e-1')).workEmail).toBe('ada@district.example');
    expect(toEducatorModel(educator, viewer([Persona.HR])).leavingDate).toBe('2027-06-30');
    expect(toEducatorModel(educator, viewer([Persona.HR])).employeeId).toBe('E100');
    expect(toEducatorModel(educator, viewer([Persona.EDUCATOR], 'e-1')).employeeId).toBe('E100');
  });

  it('hides it from anyone else who may see the profile (a panelist, another educator, nobody)', () => {
    expect(toEducatorModel(educator, viewer([Persona.PANELIST])).workEmail).toBeNull();
    expect(toEducatorModel(educator, viewer([Persona.PANELIST, Persona.EDUCATOR], 'e-2')).workEmail).toBeNull();
    expect(toEducatorModel(educator, null).workEmail).toBeNull();
    expect(toEducatorModel(educator, viewer([Persona.PANELIST])).leavingDate).toBeNull();
    expect(toEducatorModel(educator, viewer([Persona.PANELIST])).employeeId).toBeNull();
  });

  it('maps exactly the public profile fields', () => {
    expect(Object.keys(toEducatorModel(educator, null)).sort()).toEqual([
      'buildingId',
      'currentAssignment',
      'employeeId',
      'fullName',
      'hireDate',
      'id',
      'leavingDate',
      'version',
      'workEmail',
    ]);
  });
});
