// The linebreak package ships no types: the part of its API zhibu uses.
declare module 'linebreak' {
  interface Break {
    /** Where the next line may begin (a UTF-16 index). */
    position: number;
    /** A mandatory break (a line feed in the text). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
