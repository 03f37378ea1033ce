/** Demo accounts for `npm run db:seed`. None can sign in until someone owns the address. */
export interface DemoUser {
  id: string;
  username: string;
  name: string;
}

const submitters: DemoUser[] = [
  { id: "demo_akhaliq", username: "akhaliq", name: "AK" },
  { id: "demo_librarian", username: "librarian", name: "Paper Librarian" },
  { id: "demo_reviewer", username: "nightly-reviewer", name: "Nightly Reviewer" },
];

const readerNames = [
  "Ada Park",
  "Bilal Rahman",
  "Chen Wei",
  "Dana Kowalski",
  "Emeka Obi",
  "Fatima Zahra",
  "Gustavo Lima",
  "Hana Sato",
  "Ivan Petrov",
  "Jia Li",
  "Kofi Mensah",
  "Lena Vogel",
  "Mateo Rossi",
  "Nadia Haddad",
  "Oscar Lind",
  "Priya Nair",
  "Quentin Moreau",
  "Rosa Martins",
  "Sven Olsen",
  "Tara Singh",
  "Umar Farouk",
  "Vera Novak",
  "Wen Zhao",
  "Ximena Cruz",
  "Yusuf Demir",
  "Zoe Carter",
  "Arjun Mehta",
  "Beatriz Santos",
  "Cyrus Tehrani",
  "Dmitri Volkov",
  "Elif Yilmaz",
  "Felix Wagner",
  "Grace Kim",
  "Hugo Bernard",
  "Ines Duarte",
  "Jonas Berg",
];

const readers: DemoUser[] = readerNames.map((name, index) => ({
  id: `demo_reader_${String(index + 1).padStart(2, "0")}`,
  username: name.toLowerCase().replace(/\s+/g, "-"),
  name,
}));

export const demoSubmitters = submitters;
export const demoUsers: DemoUser[] = [...submitters, ...readers];
