/** Planted control: allowed pricing, and uses only pricing (no violation expected). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"pricing"})
package cruxlogfixtures.modulith.quotes;
