package com.kreativnomentorstvo.someoneelse.feature;

/** Code of another deployable. */
public class TheirThing {

}
