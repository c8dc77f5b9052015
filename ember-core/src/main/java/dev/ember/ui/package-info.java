/** What a person watching the driver sees: the console progress bar of running stages. */
package dev.ember.ui;
