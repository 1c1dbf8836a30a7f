/**
 * Finds user-visible English left in the web app's source instead of in the catalogues (apps/web/src/i18n): JSX
 * text with a letter in it, user-visible attributes given a literal (aria-label, title, placeholder, alt, label,
 * empty, notice), and string literals that a JSX expression shows as they are (`{busy ? 'Saving' : 'Save'}`).
 * Names, codes and symbols with no letters ('·', '–', '✔') pass. Read with the TypeScript compiler's own parser.
 */
import ts from 'typescript';

export interface LiteralFinding {
  line: number;
  text: string;
}

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'empty', 'notice']);
const HAS_LETTER = /\p{L}/u;

/** Whether an expression's value is shown as it is: the literal sits in a JSX expression through only ?:, ||, ??, (). */
function shownDirectly(node: ts.Node): boolean {
  let current: ts.Node = node;
  for (;;) {
    const parent = current.parent;
    if (ts.isJsxExpression(parent)) return !ts.isJsxAttribute(parent.parent) || isVisibleAttribute(parent.parent);
    const passesThrough =
      ts.isParenthesizedExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== current) ||
      (ts.isBinaryExpression(parent) &&
        parent.right === current &&
        [
          ts.SyntaxKind.BarBarToken,
          ts.SyntaxKind.QuestionQuestionToken,
          ts.SyntaxKind.AmpersandAmpersandToken,
        ].includes(parent.operatorToken.kind));
    if (!passesThrough) return false;
    current = parent;
  }
}

function isVisibleAttribute(attribute: ts.JsxAttribute): boolean {
  return VISIBLE_ATTRIBUTES.has(attribute.name.getText());
}

export function findLiteralStrings(source: string, fileName = 'file.tsx'): LiteralFinding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: LiteralFinding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!HAS_LETTER.test(text)) return;
    findings.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (isVisibleAttribute(node)) report(node, node.initializer.text);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && shownDirectly(node)) {
      report(node, node.text);
    } else if (ts.isTemplateExpression(node) && shownDirectly(node)) {
      report(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}
