"use client";

// The same boundary as the root's: paper pages fail the same way and say the same thing.
export { default } from "../error";
