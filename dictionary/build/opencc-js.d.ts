// opencc-js ships types under "types" but its exports map hides them from NodeNext resolution.
declare module 'opencc-js' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
