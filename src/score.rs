//! Stages 3 and 4 of the pipeline: score every block with the local scorer,
//! then rescore it in its page context (smoothing over the page's
//! structure): a linear scorer over the context features plus the model's
//! boosted trees over the context and local features.

use crate::feature::{self, ContextRow, DomRow, Hits, LocalRow, Stats};
use crate::math::sigmoid;
use crate::model::Model;
use crate::segment::{Segmented, segment};

/// A page, segmented, featurised and scored.
#[derive(Debug)]
pub(crate) struct Scored<'t> {
    pub text: &'t str,
    pub seg: Segmented,
    pub stats: Vec<Stats>,
    pub hits: Hits,
    pub local: Vec<LocalRow>,
    /// Local scores (logits).
    #[cfg_attr(not(feature = "_internal"), allow(dead_code))]
    pub z1: Vec<f32>,
    pub context: Vec<ContextRow>,
    /// The boosted trees' part of the final scores.
    pub tree_z: Vec<f32>,
    /// Final scores (logits).
    pub z2: Vec<f32>,
}

impl<'t> Scored<'t> {
    /// Segments, featurises and scores `text` with `model`; `dom` gives the
    /// DOM features of each block (one line a block, as the HTML front end
    /// writes them), or none for text input.
    pub fn new(text: &'t str, model: &Model, dom: Option<&[DomRow]>) -> Scored<'t> {
        let mut seg = segment(text);
        let stats = std::mem::take(&mut seg.stats);
        let hits = feature::hits(&seg, model.phrases());
        let dup = feature::repeated(&seg);
        let local = feature::local(text, &seg, &hits, &stats, &dup, dom);
        let z1: Vec<f32> = local
            .iter()
            .enumerate()
            .map(|(i, x)| model.local_logit(x, hits.of(i)))
            .collect();
        let context = feature::context(&seg, &stats, &local, &z1);
        let mut tree_z = vec![0f32; local.len()];
        model.add_trees(&context, &local, &mut tree_z);
        let z2 = context
            .iter()
            .zip(&tree_z)
            .map(|(x, t)| model.context_logit(x) + t)
            .collect();
        Scored {
            text,
            seg,
            stats,
            hits,
            local,
            z1,
            context,
            tree_z,
            z2,
        }
    }

    /// Number of blocks.
    pub fn len(&self) -> usize {
        self.seg.blocks.len()
    }

    /// The trimmed text of block `i`.
    pub fn block_text(&self, i: usize) -> &'t str {
        &self.text[self.seg.blocks[i].span.clone()]
    }

    /// The final score of block `i` as a probability of being body content.
    pub fn prob(&self, i: usize) -> f32 {
        sigmoid(self.z2[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feature::{CONTEXT, LOCAL};

    /// The names of the `kind` feature records of a model file, in order.
    fn model_features(model: &Model, kind: &str) -> Vec<String> {
        String::from_utf8(model.to_bytes())
            .unwrap()
            .lines()
            .filter_map(|l| l.strip_prefix(kind)?.strip_prefix('\t'))
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    }

    // Rows start as NaN in builds with debug assertions (tests), so a
    // complete row is one whose every feature the featuriser wrote.
    #[test]
    #[cfg_attr(
        not(debug_assertions),
        ignore = "needs debug assertions: only then do rows start as NaN"
    )]
    fn the_featuriser_writes_every_feature_each_model_has() {
        // A page of every kind of line (the crate's own text: the packaged
        // crate has no tests/ folder).
        let text = "Home | News | Sport | Weather | Culture\n\
            Sign in\n\
            Council keeps the library open\n\
            By Jane Doe, 12 March 2024, 10:42\n\
            The city council voted on Tuesday to keep the central library open, after months of debate.\n\
            Councillors said the building would be repaired next year, and that hours would not change.\n\
            \n\
            What happens next?\n\
            • The roof is repaired in spring.\n\
            • The reading room reopens in May.\n\
            \"We listened to the residents,\" the mayor said. \"They were right.\"\n\
            Name | Votes | Share\n\
            Yes | 31 | 62%\n\
            No | 19 | 38%\n\
            Share this article\n\
            Facebook Twitter Email\n\
            Related Articles\n\
            Council to vote on library budget\n\
            Residents rally for the library\n\
            Download our app for the latest news\n\
            Sign up for our newsletter and get the news first, every morning.\n\
            We use cookies to improve your experience. Accept all\n\
            © 2024 Example News. All rights reserved.\n\
            Privacy Policy | Terms of Use | Contact us\n\
            The city council voted on Tuesday to keep the central library open, after months of debate.";
        let page = Scored::new(text, &Model::builtin(), None);
        assert!(page.len() > 20);
        assert!(page.local.iter().all(LocalRow::is_complete));
        assert!(page.context.iter().all(ContextRow::is_complete));
        #[cfg(feature = "html")]
        {
            let html = "<nav class=menu><a href=/>Home</a></nav><article><h1>Title</h1>\
                <p>The council voted on Tuesday to keep the library open.</p>\
                <ul><li>One</li><li><a href=/x>Two</a></li></ul></article>\
                <table><tr><td>a</td><td>b</td></tr></table><footer>© 2024</footer>";
            let conv = crate::html::convert(html);
            let model = Model::builtin_html();
            let page = Scored::new(&conv.text, &model, Some(&conv.dom));
            assert_eq!(page.len(), 7);
            assert!(conv.dom.iter().all(DomRow::is_complete));
            assert!(page.local.iter().all(LocalRow::is_complete));
            assert!(page.context.iter().all(ContextRow::is_complete));
        }
        // What the featuriser writes is what each model weighs: the same
        // names, in the same order.
        let models = [
            Model::builtin(),
            #[cfg(feature = "html")]
            Model::builtin_html(),
        ];
        for model in &models {
            assert_eq!(model_features(model, "local"), LOCAL);
            assert_eq!(model_features(model, "context"), CONTEXT);
        }
    }
}
