/**
 * A field's errors beside it, each rule it broke on a line of its own: the element a field's
 * `aria-describedby` names. `lang` marks them when they are not in the page's language (an API's
 * answer given before the language was switched).
 */
export function FieldError({ id, messages, lang }: { id: string; messages: readonly string[] | undefined; lang?: string | undefined }) {
  if (!messages?.length) return null;
  return (
    <span id={id} class="field-error" lang={lang}>
      {messages.map((message, i) => (
        <span key={i} class="error-line">
          {message}
        </span>
      ))}
    </span>
  );
}
