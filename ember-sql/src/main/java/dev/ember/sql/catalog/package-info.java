/**
 * Persistent tables: their metadata ({@link dev.ember.sql.catalog.CatalogTable}), the warehouse directory that
 * keeps them across sessions ({@link dev.ember.sql.catalog.WarehouseCatalog}), and the commands that create,
 * fill and drop them ({@link dev.ember.sql.catalog.TableCommands}).
 */
package dev.ember.sql.catalog;
