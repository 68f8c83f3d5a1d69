/** Planted: allowed no dependency, yet uses pricing's API (ModulithTest expects the violation). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cruxlogfixtures.modulith.ledger;
