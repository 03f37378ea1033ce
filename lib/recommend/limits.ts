/** How many papers For you lists: the page, and the API unless asked for fewer (at most `FOR_YOU_MAX`). */
export const FOR_YOU_SIZE = 30;
export const FOR_YOU_MAX = 100;
