/**
 * Environment files: how a topology maps onto a real deployment (hosts, endpoints, node control over SSH or
 * local command templates, the links' Toxiproxy proxies, credential variable names) and the safety limits the
 * remote provider keeps (allow-list, forbidden actions, blast radius). Loading checks everything, touching nothing.
 */
package casedrill.environment;
