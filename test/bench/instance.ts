/**
 * One Pathways service process exactly as `npm start:prod` runs it (src/main.ts), for the mixed-traffic bench:
 * its settings come from the environment the bench gives it (DATABASE_URL, PORT, JWT_SECRET, NODE_ENV=production).
 */
import '../../src/main.js';
