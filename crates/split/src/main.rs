//! Splits the app's release wasm at its `#[wasm_split]` points, before wasm-bindgen runs.
//!
//! Trunk 0.21 cannot split (trunk#1022) and cargo-leptos takes far too long to install here, so
//! `scripts/split.sh` calls this thin shell over `wasm_split_cli_support`, the library
//! cargo-leptos itself uses.
//!
//!     skillscope-split <input.wasm> <out-dir> <stem>
//!
//! writes `<stem>.wasm` (the main module, for wasm-bindgen), one wasm per chunk, the loader
//! `__wasm_split.js`, and `split-manifest.json`: which chunk files each split point needs.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, stem] = args.as_slice() else {
        eprintln!("usage: skillscope-split <input.wasm> <out-dir> <stem>");
        return ExitCode::from(2);
    };
    match split(input.into(), out_dir.into(), stem) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("skillscope-split: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: PathBuf, out_dir: PathBuf, stem: &str) -> Result<(), Box<dyn std::error::Error>> {
    let wasm = std::fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    std::fs::create_dir_all(&out_dir)?;
    let main_out = out_dir.join(format!("{stem}.wasm"));
    // The loader imports `initSync` from the main glue, which wasm-bindgen will write beside it.
    let main_module = format!("./{stem}.js");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = &out_dir;
    options.main_out_path = &main_out;
    options.main_module = &main_module;
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("{e:#}"))?;
    let manifest = serde_json::to_string_pretty(&split.prefetch_map)?;
    std::fs::write(out_dir.join("split-manifest.json"), manifest)?;
    for module in &split.split_modules {
        println!("{}", module.display());
    }
    Ok(())
}
