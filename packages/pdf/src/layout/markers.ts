/** A list item's label on its own: "1.", "a)", "IV.", "•". */
export const LIST_MARKER = /^(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[IVXLC]{1,6}\.|[•●◦▪■□❖➢►▶✓✔\-–*·o])$/u;

/** A line that starts a list item. */
export const LIST_START = /^(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[IVXLC]{1,6}\.|[•●◦▪■□❖➢►▶✓✔\-–*·])\s/u;
