import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { apiDtoFacts } from './dto-metadata';
import { DtoPropertyFacts, ValidatorFact, dtoRuleViolations, propertyViolations } from './dto-rules';
import { POSTGRES_INT_MAX } from './postgres-limits';

const API_SOURCES = resolve(__dirname, '..');

/** What the decorators of every DTO the API's controllers take say, read from every *.controller.ts there is. */
function loadApiDtoFacts(): DtoPropertyFacts[] {
  // Jest's require, so the controllers' decorators and dto-metadata.ts share one reflect-metadata.
  const requireSource = createRequire(__filename);
  const controllers = readdirSync(API_SOURCES, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.controller.ts'))
    .map((file) => requireSource(join(API_SOURCES, file)) as Record<string, unknown>);
  return apiDtoFacts(controllers);
}

const check = (name: string, each = false, constraints: unknown[] = []): ValidatorFact => ({ name, each, constraints });

function facts(overrides: Partial<DtoPropertyFacts>): DtoPropertyFacts {
  return {
    dto: 'ExampleDto',
    property: 'field',
    docType: 'string',
    docIsArray: false,
    docFormat: null,
    validators: [check('isString')],
    nested: null,
    transformsTo: null,
    ...overrides,
  };
}

const LIST_OF_ROWS: Partial<DtoPropertyFacts> = {
  property: 'rows',
  docType: 'class:RowDto',
  docIsArray: true,
  validators: [check('isArray'), check('isObject', true)],
  nested: { each: true },
  transformsTo: 'RowDto',
};

describe('DTO rules', () => {
  it('passes a documented, validated text field', () => {
    expect(propertyViolations(facts({}))).toEqual([]);
  });

  it('passes a list of objects validated with NestedArray, and an object validated with NestedObject', () => {
    expect(propertyViolations(facts(LIST_OF_ROWS))).toEqual([]);
    expect(
      propertyViolations(
        facts({
          docType: 'class:RiskDto',
          validators: [check('isObject')],
          nested: { each: false },
          transformsTo: 'RiskDto',
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a list of objects that lets a member be an array (ValidateNested alone: {"rows":[[]]})', () => {
    const problems = propertyViolations(facts({ ...LIST_OF_ROWS, validators: [check('isArray')] }));
    expect(problems).toEqual(['ExampleDto.rows holds a list of RowDto: validate it with @NestedArray(() => RowDto)']);
  });

  it('refuses an object field that lets an array through', () => {
    const problems = propertyViolations(
      facts({
        property: 'risk',
        docType: 'class:RiskDto',
        validators: [],
        nested: { each: false },
        transformsTo: 'RiskDto',
      }),
    );
    expect(problems).toEqual(['ExampleDto.risk holds a RiskDto: validate it with @NestedObject(() => RiskDto)']);
  });

  it('refuses a nested field that is never transformed into its class', () => {
    expect(propertyViolations(facts({ ...LIST_OF_ROWS, transformsTo: null }))).toEqual([
      'ExampleDto.rows is not transformed into RowDto: add @Type(() => RowDto) (NestedObject/NestedArray do)',
    ]);
  });

  it('refuses a list of values that does not check each member', () => {
    const problems = propertyViolations(facts({ docType: 'array', validators: [check('isArray')] }));
    expect(problems).toEqual([
      'ExampleDto.field is a list: add @IsArray() and a check of each member ({ each: true })',
    ]);
  });

  it('refuses an id that is not validated as a UUID or not documented as one', () => {
    expect(propertyViolations(facts({ property: 'womanId' }))).toEqual([
      "ExampleDto.womanId holds an id: validate it with @IsUUID('4')",
      "ExampleDto.womanId holds an id: document it with format: 'uuid'",
    ]);
    expect(propertyViolations(facts({ property: 'provider', validators: [check('isUuid')] }))).toEqual([
      "ExampleDto.provider holds an id: document it with format: 'uuid'",
    ]);
    expect(propertyViolations(facts({ property: 'comId', docFormat: 'uuid', validators: [check('isUuid')] }))).toEqual(
      [],
    );
  });

  it('refuses an integer that PostgreSQL could not hold', () => {
    const version = (max?: number) =>
      facts({
        property: 'version',
        docType: 'number',
        validators: [
          check('isInt'),
          check('min', false, [1]),
          ...(max === undefined ? [] : [check('max', false, [max])]),
        ],
      });
    expect(propertyViolations(version())).toHaveLength(1);
    expect(propertyViolations(version(POSTGRES_INT_MAX + 1))).toHaveLength(1);
    expect(propertyViolations(version(POSTGRES_INT_MAX))).toEqual([]);
  });

  it('refuses a field documented by its TypeScript type, an undocumented field and an unvalidated one', () => {
    expect(propertyViolations(facts({ docType: 'design:Object' }))).toEqual([
      'ExampleDto.field is documented with its TypeScript type (Object): give @ApiProperty a type (type: String for a string | null field)',
    ]);
    expect(propertyViolations(facts({ docType: null }))).toEqual([
      'ExampleDto.field is validated but not documented: add @ApiProperty (or @ApiPropertyOptional)',
    ]);
    expect(propertyViolations(facts({ validators: [] }))).toEqual([
      'ExampleDto.field is documented but not validated: add its class-validator decorators',
    ]);
  });

  it('holds for every DTO the API takes', () => {
    const all = loadApiDtoFacts();
    // The reader found the DTOs: bodies, queries and the classes nested in them.
    expect(all.map((f) => f.dto)).toEqual(
      expect.arrayContaining(['CreateWomanDto', 'ListTasksQueryDto', 'ReplaceTravelTimesDto', 'TravelTimeDto']),
    );
    expect(dtoRuleViolations(all)).toEqual([]);
  });
});
