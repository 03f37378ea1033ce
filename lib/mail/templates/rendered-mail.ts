/** What an email template renders: the subject and the plain-text and HTML parts of one message. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
