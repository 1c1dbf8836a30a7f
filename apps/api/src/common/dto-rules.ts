/**
 * House rules for request DTOs, checked over the decorator metadata of every DTO a route takes (see
 * dto-rules.spec.ts), so the next DTO cannot forget what the last bug taught:
 * - a field that holds an object or a list of objects says the shape (NestedObject / NestedArray): ValidateNested
 *   alone lets `{"rows":[[]]}` through to the handler;
 * - a list of values validates each member;
 * - an id is validated as a UUID and documented as format uuid;
 * - an integer stays within PostgreSQL's integer;
 * - every validated field is documented with a type (a `string | null` field otherwise documents as an object),
 *   and every documented field is validated, so the OpenAPI document (and the bad-input test generated from it)
 *   describes exactly what the API accepts.
 */
import { POSTGRES_INT_MAX, POSTGRES_INT_MIN } from './postgres-limits';

export interface ValidatorFact {
  /** class-validator's name for the check: isString, isUuid, max, isObject... */
  name: string;
  /** Applied to each member of a list rather than to the list. */
  each: boolean;
  constraints: unknown[];
}

/** What the decorators of one DTO property say, read from their metadata. */
export interface DtoPropertyFacts {
  dto: string;
  property: string;
  /**
   * The OpenAPI type: 'string', 'number', 'boolean', 'array', 'object' as declared; 'class:<Name>' for a DTO
   * class; 'design:<Name>' when nothing was declared and the TypeScript type leaked through (Object for
   * `string | null`, Array for `string[]`); null when the property is not documented at all.
   */
  docType: string | null;
  docIsArray: boolean;
  docFormat: string | null;
  validators: ValidatorFact[];
  /** ValidateNested, and whether for each member. */
  nested: { each: boolean } | null;
  /** The class a nested value becomes when the request is transformed (class-transformer's @Type), if any. */
  transformsTo: string | null;
}

/** Fields whose name says id but which are not ours to make UUIDs, with why. */
export const NOT_UUID_IDS: Record<string, string> = {
  'HmppsDomainEventDto.eventId': 'the message id HMPPS gives its event, whatever form HMPPS chooses',
};

/** An id by its name: id, womanId, or (as filters name them) the thing itself: provider, woman. */
const ID_NAME = /^(id|.+Id|provider|woman|task|referral|user|alert)$/;

function has(facts: DtoPropertyFacts, name: string, each?: boolean): boolean {
  return facts.validators.some((v) => v.name === name && (each === undefined || v.each === each));
}

function bound(facts: DtoPropertyFacts, name: 'min' | 'max'): number | undefined {
  const found = facts.validators.find((v) => v.name === name && !v.each);
  return typeof found?.constraints[0] === 'number' ? found.constraints[0] : undefined;
}

function nestedClass(facts: DtoPropertyFacts): string | null {
  return facts.docType?.startsWith('class:') ? facts.docType.slice('class:'.length) : null;
}

/** Every way the property breaks a rule, each as a sentence that says what to add. */
export function propertyViolations(facts: DtoPropertyFacts): string[] {
  const where = `${facts.dto}.${facts.property}`;
  const problems: string[] = [];
  const validated = facts.validators.length > 0 || facts.nested !== null;

  if (facts.docType === null) {
    problems.push(`${where} is validated but not documented: add @ApiProperty (or @ApiPropertyOptional)`);
  } else if (facts.docType.startsWith('design:')) {
    problems.push(
      `${where} is documented with its TypeScript type (${facts.docType.slice('design:'.length)}): give ` +
        `@ApiProperty a type (type: String for a string | null field)`,
    );
  }
  if (!validated) problems.push(`${where} is documented but not validated: add its class-validator decorators`);

  const nested = nestedClass(facts);
  if (nested && facts.docIsArray) {
    if (!has(facts, 'isArray', false) || !has(facts, 'isObject', true) || !facts.nested?.each) {
      problems.push(`${where} holds a list of ${nested}: validate it with @NestedArray(() => ${nested})`);
    }
  } else if (nested) {
    if (!has(facts, 'isObject', false) || !facts.nested || facts.nested.each) {
      problems.push(`${where} holds a ${nested}: validate it with @NestedObject(() => ${nested})`);
    }
  } else if (facts.docIsArray || facts.docType === 'array') {
    if (!has(facts, 'isArray', false) || !facts.validators.some((v) => v.each)) {
      problems.push(`${where} is a list: add @IsArray() and a check of each member ({ each: true })`);
    }
  } else if (facts.nested) {
    problems.push(`${where} is validated as nested but documented as ${facts.docType}: document its class`);
  }
  if (nested && facts.transformsTo !== nested) {
    problems.push(
      `${where} is not transformed into ${nested}: add @Type(() => ${nested}) (NestedObject/NestedArray do)`,
    );
  }

  const namedAsId = ID_NAME.test(facts.property) && NOT_UUID_IDS[where] === undefined;
  if (namedAsId || facts.docFormat === 'uuid' || has(facts, 'isUuid')) {
    if (!has(facts, 'isUuid')) problems.push(`${where} holds an id: validate it with @IsUUID('4')`);
    if (facts.docFormat !== 'uuid') problems.push(`${where} holds an id: document it with format: 'uuid'`);
  }

  if (has(facts, 'isInt')) {
    const min = bound(facts, 'min');
    const max = bound(facts, 'max');
    if (min === undefined || min < POSTGRES_INT_MIN || max === undefined || max > POSTGRES_INT_MAX) {
      problems.push(
        `${where} is an integer: bound it with @Min and @Max within PostgreSQL's integer (postgres-limits)`,
      );
    }
  }
  return problems;
}

export function dtoRuleViolations(properties: DtoPropertyFacts[]): string[] {
  return properties.flatMap(propertyViolations);
}
