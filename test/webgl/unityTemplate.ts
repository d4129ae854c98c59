// What Unity does to the files of a WebGL template at build time (Unity manual, "Web template variables"):
// every .html/.php/.css/.js/.json file is preprocessed — `#if EXPR` / `#else` / `#endif` lines keep or drop
// the lines between them, and each `{{{ EXPR }}}` becomes the value of a JavaScript expression over the
// build's variables (LOADER_FILENAME, PRODUCT_NAME, …). A small stand-in, for the tests only.

export type TemplateVariables = Record<string, string | number | boolean>;

function evaluate(expression: string, vars: TemplateVariables): unknown {
  const names = Object.keys(vars);
  return new Function(...names, `return (${expression});`)(...names.map((n) => vars[n]));
}

export function fillUnityTemplate(text: string, vars: TemplateVariables): string {
  const kept: string[] = [];
  const open: boolean[] = [];
  for (const line of text.split('\n')) {
    const directive = /^[ \t]*#(if|else|endif)\b(.*)$/.exec(line);
    if (directive) {
      if (directive[1] === 'if') open.push(Boolean(evaluate(directive[2].trim(), vars)));
      else if (directive[1] === 'else') open.push(!open.pop());
      else open.pop();
      continue;
    }
    if (open.every(Boolean)) kept.push(line);
  }
  return kept.join('\n').replace(/\{\{\{(.*?)\}\}\}/g, (_m, expression: string) => String(evaluate(expression, vars)));
}
