/** Files of client/media inlined as text by scripts/build.mjs (`import css from 'webview:summary.css'`). */
declare module 'webview:*' {
  const text: string;
  export default text;
}
