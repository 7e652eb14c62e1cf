/** zhibu's version (package.json's), in the JSON report and `zhibu --version`. */
export const VERSION = '1.0.0';
