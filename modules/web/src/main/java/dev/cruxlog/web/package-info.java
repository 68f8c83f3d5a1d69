/**
 * Web: the shell every page lives in (layout, navigation, footer), the landing page,
 * static assets served by Netty from the jar (no CDN), and friendly HTML error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {"platform::web"})
package dev.cruxlog.web;
