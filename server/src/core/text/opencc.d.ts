declare module 'opencc-js/dict/TSCharacters' {
  /** "trad simp [simp…]|trad simp|…" */
  const data: string;
  export default data;
}
