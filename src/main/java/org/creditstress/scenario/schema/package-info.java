/**
 * The scenario format, declared once: every section and key with its type, default, range, unit
 * and meaning, from which validation, defaults and {@code docs/scenario-reference.md} come. Part
 * of the bottom layer (1): depends on no package of the tool outside {@code scenario}.
 */
package org.creditstress.scenario.schema;
