import "server-only";
console.log("loaded fine");
