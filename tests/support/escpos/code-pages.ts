/**
 * ESC t n (Epson numbering) → the iconv-lite name of the table. Only the tables a French shop may
 * meet are listed; an unknown number makes the interpreter fail loudly rather than guess.
 */
export const EPSON_CODE_PAGES: Readonly<Record<number, string>> = {
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  16: 'windows1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
};

/** ESC GS t n (Star numbering) → iconv-lite name. */
export const STAR_CODE_PAGES: Readonly<Record<number, string>> = {
  1: 'cp437',
  4: 'cp858',
  5: 'cp852',
  32: 'windows1252',
};
