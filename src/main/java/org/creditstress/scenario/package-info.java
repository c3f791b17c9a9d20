/**
 * Scenarios: one record per YAML section, the loader that validates a file against the schema and
 * resolves every default, overrides by key path, economy paths from CSV, and the resolved scenario
 * a run writes back. Bottom layer (1): depends on no other package of the tool ({@code
 * scenario.schema} is part of it).
 */
package org.creditstress.scenario;
